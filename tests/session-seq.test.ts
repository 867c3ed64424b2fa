// A browser client that missed a session's last event while Redis was away is
// brought up to date by session_seq. Two nodes on one PostgreSQL: A reaches
// Redis directly, B through a proxy the test cuts, so A can commit the draft's
// last event (a pause) while B hears nothing; no later event would show B's
// clients the gap. The client is the browser's own (room-client.ts over
// realtime-connection.ts), on socket.io-client.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { io } from "socket.io-client";
import { createRealtimeConnection } from "../lib/client/realtime-connection";
import { createRoomClient } from "../lib/client/room-client";
import { silentLogger } from "../lib/server/logger";
import { connectRedisBus, type RedisBus } from "../lib/server/realtime/redis-bus";
import { createWarRoom, type WarRoom } from "../lib/server/warroom";
import { describeIf } from "./support/describe-if";
import { createDraft } from "./support/fixtures";
import { startTcpProxy, type TcpProxy } from "./support/tcp-proxy";
import { createTestDatabase, type TestDatabase } from "./support/test-database";
import { until } from "./support/until";
import { ADMIN } from "../lib/server/sessions/access";

jest.setTimeout(60_000);

const enabled = Boolean(process.env.DATABASE_URL && process.env.REDIS_URL);
const suite = describeIf(enabled, "needs PostgreSQL and Redis (set DATABASE_URL and REDIS_URL)");

interface Node {
  warroom: WarRoom;
  bus: RedisBus;
  url: string;
  close(): Promise<void>;
}

suite("session_seq after a Redis outage", () => {
  let database: TestDatabase;
  let proxy: TcpProxy;
  let a: Node;
  let b: Node;

  async function startNode(redisUrl: string): Promise<Node> {
    const db = await database.open();
    const bus = await connectRedisBus(redisUrl, silentLogger);
    const httpServer = createServer();
    const warroom = await createWarRoom({ httpServer, db, logger: silentLogger, redis: bus });
    await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
    return {
      warroom,
      bus,
      url: `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`,
      close: async () => {
        await warroom.close();
        await db.close();
      },
    };
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    const redis = new URL(process.env.REDIS_URL!);
    proxy = await startTcpProxy(Number(redis.port || 6379), redis.hostname);
    a = await startNode(process.env.REDIS_URL!);
    b = await startNode(`redis://127.0.0.1:${proxy.port}`);
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
    await proxy?.close();
    await database?.drop();
  });

  test("the client on the cut-off node catches up on the pause it missed as soon as Redis is back", async () => {
    // a CPU draft whose next pick is a minute away: once paused, nothing else happens in it
    const draft = await createDraft(a.warroom, { human_teams: [], cpu_delay_ms: 60_000 });
    await a.warroom.commands.adminAction(draft.sessionId, ADMIN, "start");

    // the browser's client, watching on node B
    const connection = createRealtimeConnection({
      url: b.url,
      io,
      clock: globalThis,
      random: Math.random,
      transports: ["websocket"],
    });
    const room = createRoomClient({ connection, session_id: draft.sessionId });
    try {
      const joined = await until("the client to join on node B", () => room.getState().snapshot);
      expect(joined.status).toBe("running");

      await proxy.cut();
      await until("node B to notice Redis is gone", () => !b.bus.ready());
      const paused = await a.warroom.commands.adminAction(draft.sessionId, ADMIN, "pause");
      expect(paused.status).toBe("paused");
      // A committed the pause and broadcast it; B never heard it, so its client is a seq behind
      expect(room.getState().snapshot).toMatchObject({ seq: joined.seq, status: "running" });

      await proxy.restore();
      const caughtUp = await until(
        "the client to catch up after Redis returned",
        () => room.getState().snapshot?.status === "paused" && room.getState().snapshot,
        {
          timeoutMs: 15_000,
        },
      );
      expect(caughtUp.seq).toBe(paused.seq);
    } finally {
      room.dispose();
      connection.close();
    }
  });
});
