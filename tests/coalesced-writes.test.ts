// A burst of events to one client goes out in a few writes, not one per
// event (lib/server/realtime/coalesced-writes.ts), and arrives whole and in
// order. The same burst without it, as a control, takes a write per event.
import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";
import { io as connect, type Socket } from "socket.io-client";
import { coalesceWrites } from "../lib/server/realtime/coalesced-writes";

const BURST = 30;

interface Counted {
  http: HttpServer;
  io: Server;
  client: Socket;
  /** writes handed to the TCP socket under the server's side of the connection */
  writes(): number;
}

async function serverAndClient(coalesce: boolean): Promise<Counted> {
  const http = createServer();
  const io = new Server(http);
  if (coalesce) coalesceWrites(io.engine);
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  let writes = 0;
  const connected = new Promise<void>((resolve) =>
    io.on("connection", (socket) => {
      const tcp = (socket.conn.transport as unknown as { socket: { _socket: Record<string, unknown> } }).socket._socket;
      for (const method of ["_write", "_writev"] as const) {
        const original = tcp[method] as (...args: unknown[]) => unknown;
        tcp[method] = function (this: unknown, ...args: unknown[]) {
          writes++;
          return original.apply(this, args);
        };
      }
      resolve();
    }),
  );
  const client = connect(`http://127.0.0.1:${(http.address() as AddressInfo).port}`, {
    transports: ["websocket"],
    reconnection: false,
    forceNew: true,
  });
  await connected;
  return { http, io, client, writes: () => writes };
}

/** emits the burst; what the client heard, and how many writes it took */
async function burst(counted: Counted): Promise<{ heard: number[]; writes: number }> {
  const heard: number[] = [];
  const all = new Promise<void>((resolve) =>
    counted.client.on("n", (n: number) => {
      heard.push(n);
      if (heard.length === BURST) resolve();
    }),
  );
  const before = counted.writes();
  // one synchronous loop, as a tick's broadcast is
  for (let n = 0; n < BURST; n++) counted.io.emit("n", n);
  await all;
  return { heard, writes: counted.writes() - before };
}

async function close(counted: Counted): Promise<void> {
  counted.client.disconnect();
  await counted.io.close();
}

describe("coalesced writes", () => {
  test(`a burst of ${BURST} events arrives whole and in order in at most 3 writes (a write per event without)`, async () => {
    const coalesced = await serverAndClient(true);
    const plain = await serverAndClient(false);
    try {
      const expected = Array.from({ length: BURST }, (_, n) => n);
      const withCoalescing = await burst(coalesced);
      const without = await burst(plain);
      expect(withCoalescing.heard).toEqual(expected);
      expect(without.heard).toEqual(expected);
      console.log(`writes for ${BURST} events: coalesced ${withCoalescing.writes}, plain ${without.writes}`);
      expect(withCoalescing.writes).toBeLessThanOrEqual(3);
      expect(without.writes).toBeGreaterThanOrEqual(BURST / 2);
    } finally {
      await close(coalesced);
      await close(plain);
    }
  });
});
