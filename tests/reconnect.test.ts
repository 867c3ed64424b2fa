// The browser client's reconnect schedule against a real server that goes away:
// backoff 1, 2, 4, 8, 16 s with jitter, then every 10 to 30 s for as long as it
// takes, with no dead end: the server comes back and the next slow attempt
// connects on its own. Time is a fake clock; the sockets and the server are real.
import { io } from "socket.io-client";
import { createRealtimeConnection, type ConnectionStatus } from "../lib/client/realtime-connection";
import { createFakeClock } from "./support/fixtures";
import { request, startTestServer, type TestServer } from "./support/test-server";
import { until } from "./support/until";

let server: TestServer | null = null;
afterAll(async () => {
  await server?.close();
});

test("backs off 1, 2, 4, 8, 16 s with jitter, then keeps trying every 10 to 30 s and reconnects on its own", async () => {
  server = await startTestServer();
  const port = Number(new URL(server.url).port);
  const clock = createFakeClock();
  let random = 0.9;
  const connection = createRealtimeConnection({
    url: server.url,
    io,
    clock,
    random: () => random,
    transports: ["websocket"],
  });
  const statuses: ConnectionStatus[] = [];
  connection.onStatus((status) => statuses.push(status));
  await until("the first connect", () => connection.status.state === "connected", {
    timeoutMs: 10_000,
    intervalMs: 10,
  });

  // the server goes away: every attempt from now on is refused
  await server.close();
  server = null;
  await until("the disconnect to be noticed", () => connection.status.state === "reconnecting", {
    timeoutMs: 10_000,
    intervalMs: 10,
  });
  for (let attempt = 1; attempt <= 5; attempt++) {
    const status = connection.status;
    expect(status).toMatchObject({ state: "reconnecting", attempt, of: 5, slow: false });
    const delay = connection.delays[attempt - 1]!;
    const nominal = 1000 * 2 ** (attempt - 1);
    expect(delay).toBeGreaterThanOrEqual(nominal * 0.75);
    expect(delay).toBeLessThanOrEqual(Math.min(nominal * 1.25, 30_000));
    // nothing happens a millisecond early: the attempt waits for its delay
    clock.advance(delay - 1);
    expect(connection.status).toBe(status);
    clock.advance(1);
    await until(`attempt ${attempt} to fail`, () => connection.status !== status, {
      timeoutMs: 10_000,
      intervalMs: 10,
    });
    random = attempt / 5; // other jitter on the next attempts
  }
  // past the quick attempts: no "failed", a slow attempt every 10 to 30 s, each one really made
  for (let attempt = 6; attempt <= 8; attempt++) {
    const status = connection.status;
    expect(status).toMatchObject({ state: "reconnecting", attempt, slow: true });
    const delay = connection.delays[attempt - 1]!;
    expect(delay).toBeGreaterThanOrEqual(10_000);
    expect(delay).toBeLessThanOrEqual(30_000);
    clock.advance(delay - 1);
    expect(connection.status).toBe(status);
    clock.advance(1);
    await until(`slow attempt ${attempt} to fail`, () => connection.status !== status, {
      timeoutMs: 10_000,
      intervalMs: 10,
    });
  }
  expect(connection.status).toMatchObject({ state: "reconnecting", attempt: 9, slow: true });

  // the server is back; the next slow attempt connects with nobody pressing anything
  server = await startTestServer({ port });
  clock.advance(connection.delays[8]!);
  await until("the slow attempt to reconnect", () => connection.status.state === "connected", {
    timeoutMs: 10_000,
    intervalMs: 10,
  });
  const ack = await request(connection.socket, "ping", { client_time: Date.now() });
  expect(ack.ok).toBe(true);
  // every attempt once, in order, the last a slow one, and no dead end in between
  expect(statuses.map((s) => (s.state === "reconnecting" ? s.attempt : s.state))).toEqual([
    "connected",
    1,
    2,
    3,
    4,
    5,
    6,
    7,
    8,
    9,
    "connected",
  ]);
  connection.close();
});
