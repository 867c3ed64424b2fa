// The bundled classes load as completed sessions of the real drafts, and their
// persisted events replay to the same final board.
import { foldEvents, initialState } from "../lib/draft/reducer";
import { toSnapshot } from "../lib/draft/snapshot";
import { readBundledPools } from "../lib/pools/pool-data";
import { historySessionId, loadHistorySessions } from "../lib/server/pools/history-sessions";
import { createPoolCatalog } from "../lib/server/pools/pool-catalog";
import { createSessionRepository } from "../lib/server/sessions/session-repository";
import { backendName } from "./support/test-database";
import { startTestServer, type TestServer } from "./support/test-server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

describe(`real drafts as history (${backendName})`, () => {
  test("each bundled class is a completed session with the real picks in real order", async () => {
    const lobby = await server.warroom.queries.lobby();
    for (const data of readBundledPools()) {
      const id = historySessionId(data.pool);
      expect(lobby.find((entry) => entry.session_id === id)).toMatchObject({
        name: `The real ${data.pool} NFL Draft`,
        status: "complete",
        open_seats: [],
      });
      const snapshot = await server.warroom.reads.snapshot(id);
      expect(snapshot.picks).toHaveLength(data.order.length);
      snapshot.picks.forEach((pick, i) => {
        expect(pick.overall).toBe(i + 1);
        expect(pick.team_id).toBe(data.order[i]!.team_id);
        expect(pick.player.player_id).toBe(data.players[i]!.player_id);
      });
    }
    const caleb = (await server.warroom.reads.snapshot(historySessionId("2024"))).picks[0]!;
    expect(caleb).toMatchObject({
      team_id: "CHI",
      player: { name: "Caleb Williams" },
      made_at: "2024-04-26T00:05:00.000Z",
    });
  });

  test("the persisted events of a real draft replay to the same final board", async () => {
    for (const poolId of ["2021", "2024"]) {
      const id = historySessionId(poolId);
      const events = await server.warroom.queries.events(id, 0, 1000);
      expect(events.map((e) => e.seq)).toEqual(Array.from({ length: events.length }, (_, i) => i + 1));
      const pool = (await createPoolCatalog(server.warroom.db.prisma).get(poolId))!;
      const stored = await server.warroom.reads.snapshot(id);
      const replayed = foldEvents(
        initialState({
          sessionId: id,
          name: stored.name,
          pool,
          rounds: pool.rounds,
          secondsPerPick: 0,
          cpuDelayMs: 0,
          teams: stored.teams,
          settings: {},
        }),
        events,
      );
      expect(toSnapshot(replayed, 0)).toEqual({ ...stored, clock: toSnapshot(replayed, 0).clock });
      expect(replayed.status).toBe("complete");
    }
  });

  test("loading the history again adds nothing", async () => {
    const repo = createSessionRepository(server.warroom.db.prisma, server.warroom.db.sql);
    expect(
      await loadHistorySessions(server.warroom.db.prisma, repo, createPoolCatalog(server.warroom.db.prisma)),
    ).toEqual([]);
    expect(await server.warroom.db.prisma.draftSession.count({ where: { name: { startsWith: "The real " } } })).toBe(4);
  });

  test("a start that died between creating a real draft's row and writing its log finishes it on the next start", async () => {
    const id = historySessionId("2022");
    const { prisma } = server.warroom.db;
    const whole = await server.warroom.reads.snapshot(id);
    // what such a crash leaves behind: the session row in the lobby, with no log and no picks
    await prisma.$transaction([
      prisma.sessionEvent.deleteMany({ where: { sessionId: id } }),
      prisma.pick.deleteMany({ where: { sessionId: id } }),
      prisma.draftSession.update({ where: { id }, data: { status: "lobby", seq: 0 } }),
    ]);
    const repo = createSessionRepository(prisma, server.warroom.db.sql);
    expect(await loadHistorySessions(prisma, repo, createPoolCatalog(prisma))).toEqual(["2022"]);
    const row = await prisma.draftSession.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "complete", seq: whole.seq });
    expect(await prisma.pick.count({ where: { sessionId: id } })).toBe(whole.picks.length);
    expect(await server.warroom.queries.events(id, 0, 1000)).toHaveLength(whole.seq);
  });
});
