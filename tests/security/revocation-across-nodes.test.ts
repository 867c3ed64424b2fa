// Rotating a seat token on one node demotes the seat's sockets on another at
// once: two WarRoom nodes in this process on one PostgreSQL and one Redis.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Socket } from "socket.io-client";
import { silentLogger } from "../../lib/server/logger";
import { connectRedisBus } from "../../lib/server/realtime/redis-bus";
import { createWarRoom, type WarRoom } from "../../lib/server/warroom";
import type { OpenDatabase } from "../../lib/server/db/open-database";
import { createDraft } from "../support/fixtures";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { nextEvent, connectTestClient, request } from "../support/test-server";
import { describeIf } from "../support/describe-if";
import { ADMIN } from "../../lib/server/sessions/access";

const enabled = Boolean(process.env.DATABASE_URL && process.env.REDIS_URL);
const suite = describeIf(
  enabled,
  "seat revocation across nodes needs PostgreSQL and Redis (set DATABASE_URL and REDIS_URL)",
);
jest.setTimeout(60_000);

suite("seat revocation across nodes", () => {
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

  const client = (url: string) => connectTestClient(url, sockets);

  test("the holder on the other node is told and becomes a spectator; the old token opens nothing on either node", async () => {
    const [one, two] = nodes as [(typeof nodes)[0], (typeof nodes)[0]];
    const draft = await createDraft(one.warroom);
    await one.warroom.commands.adminAction(draft.sessionId, ADMIN, "start");
    const holder = await client(two.url);
    expect(
      (await request(holder, "join_session", { session_id: draft.sessionId, token: draft.seat("CHI") })).role,
    ).toBe("team");
    const told = nextEvent(holder, "seat_revoked", 5000);

    const { token } = await one.warroom.access.rotateSeatToken(ADMIN, draft.sessionId, "CHI");
    expect(await told).toEqual({ session_id: draft.sessionId, team_id: "CHI" });
    expect(
      (await request(holder, "make_pick", { session_id: draft.sessionId, team_id: "CHI", player_id: "WillCa03" })).error
        ?.code,
    ).toBe("forbidden");
    for (const node of [one, two]) {
      const late = await client(node.url);
      expect(
        (await request(late, "join_session", { session_id: draft.sessionId, token: draft.seat("CHI") })).error?.code,
      ).toBe("unauthorized");
    }
    const fresh = await client(two.url);
    expect((await request(fresh, "join_session", { session_id: draft.sessionId, token })).role).toBe("team");
  });
});
