// Two WarRoom instances with their own memory on one PostgreSQL database: the
// database keys, not the in-process queue, decide which racing pick wins.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Socket } from "socket.io-client";
import { silentLogger } from "../lib/server/logger";
import { createWarRoom, type WarRoom } from "../lib/server/warroom";
import { createTestDatabase, usingPostgres, type TestDatabase } from "./support/test-database";
import { createDraft } from "./support/fixtures";
import { connectTestClient, request } from "./support/test-server";
import { describeIf } from "./support/describe-if";

const suite = describeIf(
  usingPostgres,
  "cross-process races need PostgreSQL (set DATABASE_URL); PGlite serves one process only",
);

suite("two instances on one PostgreSQL database", () => {
  let database: TestDatabase;
  const nodes: { warroom: WarRoom; close: () => Promise<void>; url: string }[] = [];
  const sockets: Socket[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    for (let i = 0; i < 2; i++) {
      const db = await database.open();
      const httpServer = createServer();
      const warroom = await createWarRoom({
        httpServer,
        db,
        logger: silentLogger,
        rateLimit: { burst: 1000, perSecond: 1000 },
      });
      await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
      nodes.push({
        warroom,
        url: `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`,
        close: async () => (await warroom.close(), await db.close()),
      });
    }
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    for (const node of nodes) await node.close();
    await database.drop();
  });

  async function adminSocket(url: string, sessionId: string, adminKey: string) {
    const socket = await connectTestClient(url, sockets);
    expect((await request(socket, "join_session", { session_id: sessionId, token: adminKey })).ok).toBe(true);
    return socket;
  }

  test("exactly one of two racing picks on different instances wins, 50 trials out of 50", async () => {
    const everyClub = (await nodes[0]!.warroom.pools.list())
      .find((p) => p.pool === "2024")!
      .teams.map((t) => t.team_id);
    const draft = await createDraft(nodes[0]!.warroom, { rounds: 2, human_teams: everyClub });
    const a = await adminSocket(nodes[0]!.url, draft.sessionId, draft.adminKey);
    const b = await adminSocket(nodes[1]!.url, draft.sessionId, draft.adminKey);
    expect((await request(a, "admin_action", { session_id: draft.sessionId, action: "start" })).ok).toBe(true);
    const players = (await nodes[0]!.warroom.queries.players(draft.sessionId, {})).map((p) => p.player_id);
    let singleWinners = 0;
    for (let trial = 0; trial < 50; trial++) {
      const overall = trial + 1;
      const team = (await nodes[0]!.warroom.pools.list()).find((p) => p.pool === "2024")!.order[trial]!.team_id;
      const results = await Promise.all([
        request(a, "make_pick", {
          session_id: draft.sessionId,
          team_id: team,
          player_id: players[trial * 2]!,
          expected_overall: overall,
        }),
        request(b, "make_pick", {
          session_id: draft.sessionId,
          team_id: team,
          player_id: players[trial * 2 + 1]!,
          expected_overall: overall,
        }),
      ]);
      const losers = results.filter((r) => !r.ok);
      if (losers.length === 1 && losers[0]!.error?.code === "conflict") singleWinners++;
      if (losers.length !== 1) console.log(`trial ${trial}:`, JSON.stringify(results));
    }
    expect(singleWinners).toBe(50);
    const events = await nodes[1]!.warroom.queries.events(draft.sessionId, 0, 1000);
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 51 }, (_, i) => i + 1));
    expect(new Set(events.flatMap((e) => (e.type === "draft_pick" ? [e.payload.pick.overall] : []))).size).toBe(50);
  });
});
