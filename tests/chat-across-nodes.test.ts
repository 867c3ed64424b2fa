// Room chat crosses nodes: two WarRoom nodes in this process on one PostgreSQL
// and one Redis. A message posted on one node reaches the room's sockets on
// the other, a join on either node gets the same history, and a clear on one
// empties the lists on both.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Socket } from "socket.io-client";
import type { OpenDatabase } from "../lib/server/db/open-database";
import { silentLogger } from "../lib/server/logger";
import { connectRedisBus } from "../lib/server/realtime/redis-bus";
import { createWarRoom, type WarRoom } from "../lib/server/warroom";
import { describeIf } from "./support/describe-if";
import { createDraft } from "./support/fixtures";
import { createTestDatabase, type TestDatabase } from "./support/test-database";
import { connectTestClient, nextEvent, request } from "./support/test-server";

const enabled = Boolean(process.env.DATABASE_URL && process.env.REDIS_URL);
const suite = describeIf(enabled, "chat across nodes needs PostgreSQL and Redis (set DATABASE_URL and REDIS_URL)");
jest.setTimeout(60_000);

suite("room chat across nodes", () => {
  let database: TestDatabase;
  const nodes: { warroom: WarRoom; db: OpenDatabase; url: string; close(): Promise<void> }[] = [];
  const sockets: Socket[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    for (let i = 0; i < 2; i++) {
      const db = await database.open();
      const redis = await connectRedisBus(process.env.REDIS_URL!, silentLogger);
      const httpServer = createServer();
      const warroom = await createWarRoom({ httpServer, db, logger: silentLogger, redis });
      await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
      const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
      nodes.push({ warroom, db, url, close: async () => (await warroom.close(), await db.close()) });
    }
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    for (const node of nodes) await node.close();
    await database?.drop();
  });

  async function joined(url: string, sessionId: string, token?: string) {
    const socket = await connectTestClient(url, sockets);
    const ack = await request(socket, "join_session", { session_id: sessionId, ...(token ? { token } : {}) });
    expect(ack.ok).toBe(true);
    return { socket, ack };
  }

  test("a message on one node reaches the other; both nodes' joins carry it; a clear on one empties both", async () => {
    const [one, two] = nodes as [(typeof nodes)[0], (typeof nodes)[0]];
    const draft = await createDraft(one.warroom);
    const chi = await joined(one.url, draft.sessionId, draft.seat("CHI"));
    const was = await joined(two.url, draft.sessionId, draft.seat("WAS"));
    const admin = await joined(two.url, draft.sessionId, draft.adminKey);

    const heard = nextEvent(was.socket, "chat_message", 5000);
    const sent = await request(chi.socket, "send_chat", { session_id: draft.sessionId, text: "from node one" });
    expect((await heard).message).toEqual(sent.message);

    const back = nextEvent(chi.socket, "chat_message", 5000);
    const reply = await request(was.socket, "send_chat", { session_id: draft.sessionId, text: "from node two" });
    expect((await back).message).toEqual(reply.message);

    for (const node of [one, two])
      expect((await joined(node.url, draft.sessionId)).ack.chat).toEqual([sent.message, reply.message]);

    const cleared = nextEvent(chi.socket, "chat_cleared", 5000);
    expect(
      (await request(admin.socket, "admin_action", { session_id: draft.sessionId, action: "clear_chat" })).ok,
    ).toBe(true);
    expect(await cleared).toEqual({ session_id: draft.sessionId });
    for (const node of [one, two]) expect((await joined(node.url, draft.sessionId)).ack.chat).toEqual([]);
  });
});
