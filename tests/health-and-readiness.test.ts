// /healthz names the dependency that is down and answers within a second;
// /readyz tells a load balancer to stop sending clients while the node drains
// after SIGTERM, while it keeps serving the ones it has. Against the real
// server.ts in a child process (and an in-process node for the outage).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { io, type Socket } from "socket.io-client";
import { httpClient } from "./support/api-client";
import { createTestDatabase, type TestDatabase } from "./support/test-database";
import { startServerProcess, type ServerProcess } from "./support/server-process";
import { startTestServer } from "./support/test-server";

jest.setTimeout(120_000);

const timed = async <T>(work: () => Promise<T>) => {
  const started = performance.now();
  const result = await work();
  return { result, ms: performance.now() - started };
};

test("with the database gone, health says db down (not a crash, not Redis) within a second", async () => {
  const server = await startTestServer();
  try {
    expect(await server.warroom.health()).toEqual({ db: "ok", redis: "off" });
    await server.warroom.db.close();
    const { result, ms } = await timed(() => server.warroom.health());
    expect(result).toEqual({ db: "down", redis: "off" });
    expect(ms).toBeLessThan(1000);
  } finally {
    await server.close();
  }
});

describe("a node draining after SIGTERM", () => {
  let node: ServerProcess;
  let socket: Socket | undefined;
  let database: TestDatabase;
  const dataDir = mkdtempSync(path.join(tmpdir(), "warroom-readiness-"));
  beforeAll(async () => {
    database = await createTestDatabase();
    node = await startServerProcess({ DATA_DIR: dataDir, DATABASE_URL: database.url ?? "", SHUTDOWN_DRAIN_MS: "3000" });
  });
  afterAll(async () => {
    socket?.disconnect();
    if (node.child.exitCode === null) node.child.kill("SIGKILL");
    await node.exited;
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test("/readyz turns 503 draining at once while /healthz and connected clients are still served, then it exits 0", async () => {
    const ready = await fetch(`${node.url}/readyz`);
    expect({ status: ready.status, body: await ready.json() }).toEqual({
      status: 200,
      body: { status: "ready", db: "ok", redis: expect.stringMatching(/^(ok|off)$/) },
    });
    const health = await httpClient(node.url).call("health");
    expect(health.status).toBe(200);

    socket = io(node.url, { transports: ["websocket"], reconnection: false });
    await new Promise<void>((resolve) => socket!.once("connect", () => resolve()));

    node.child.kill("SIGTERM");
    const draining = await (async () => {
      for (let attempt = 0; attempt < 100; attempt++) {
        const response = await fetch(`${node.url}/readyz`);
        if (response.status === 503) return { status: response.status, body: await response.json() };
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      throw new Error("/readyz never turned 503 after SIGTERM");
    })();
    expect(draining).toEqual({ status: 503, body: { status: "draining" } });
    // still serving what it has while the balancer moves new clients elsewhere
    expect(socket.connected).toBe(true);
    expect((await httpClient(node.url).call("health")).status).toBe(200);
    expect(await node.exited).toBe(0);
    expect(node.output()).toMatch(/SIGTERM: shutting down/);
  });
});
