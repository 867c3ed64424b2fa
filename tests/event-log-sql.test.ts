// The hot path's raw SQL (lib/server/sessions/event-log-sql.ts) against a real
// database: what it writes is what Prisma reads back, a second writer fails
// whole, and undos and trades move the rows they should.
import { randomUUID } from "node:crypto";
import { decide, dueAt } from "../lib/draft/engine";
import { currentSlot, initialState } from "../lib/draft/reducer";
import type { DraftCommand, DraftEvent, DraftState } from "../lib/draft/types";
import { WriteConflict } from "../lib/server/sessions/event-log-sql";
import { createPoolCatalog } from "../lib/server/pools/pool-catalog";
import { createSessionRepository, type SessionRepository } from "../lib/server/sessions/session-repository";
import { backendName } from "./support/test-database";
import { createDraft } from "./support/fixtures";
import { startTestServer, type TestServer } from "./support/test-server";

let server: TestServer;
let repo: SessionRepository;
beforeAll(async () => {
  server = await startTestServer();
  repo = createSessionRepository(server.warroom.db.prisma, server.warroom.db.sql);
});
afterAll(async () => {
  await server.close();
});

const T0 = Date.parse("2026-04-25T00:00:00.123Z");

/** A lobby session in the database, and the engine's state for it: the test writes its log by hand. */
async function draftInDatabase() {
  const draft = await createDraft(server.warroom, { human_teams: ["CHI", "WAS"], rounds: 1, seconds_per_pick: 90 });
  const pool = (await createPoolCatalog(server.warroom.db.prisma).get("2024"))!;
  const snapshot = await server.warroom.reads.snapshot(draft.sessionId);
  let state: DraftState = initialState({
    sessionId: draft.sessionId,
    name: snapshot.name,
    pool,
    rounds: 1,
    secondsPerPick: 90,
    cpuDelayMs: 0,
    teams: snapshot.teams,
    settings: {},
  });
  return {
    sessionId: draft.sessionId,
    /** the events a command makes, at `now` (the state moves on only when they are appended) */
    decide(command: DraftCommand, now: number) {
      const decision = decide(state, command, now);
      if (!decision.ok) throw new Error(decision.rejection.message);
      return decision.value;
    },
    async append(outcome: { events: DraftEvent[]; state: DraftState }) {
      const next = outcome.state;
      await repo.append(draft.sessionId, outcome.events, {
        status: next.status,
        seq: next.seq,
        currentOverall: currentSlot(next)?.overall ?? null,
        deadline: next.deadline,
        dueAt: dueAt(next),
      });
      state = next;
    },
  };
}

const pickAs = (teamId: string, playerId: string): DraftCommand => ({
  type: "make_pick",
  actor: { kind: "admin" },
  teamId,
  playerId,
});

describe(`event log SQL (${backendName})`, () => {
  test("what the raw append writes, Prisma reads back the same: events, picks, timestamps and the session row", async () => {
    const draft = await draftInDatabase();
    const started = draft.decide({ type: "start" }, T0);
    await draft.append(started);
    const picked = draft.decide(pickAs("CHI", "WillCa03"), T0 + 1_001);
    await draft.append(picked);
    const written = [...started.events, ...picked.events];

    expect(await repo.readEvents(draft.sessionId, 0, 100)).toEqual(written);
    expect((await repo.loadSession(draft.sessionId))!.events).toEqual(written);
    const { prisma } = server.warroom.db;
    const viaPrisma = await prisma.sessionEvent.findMany({
      where: { sessionId: draft.sessionId },
      orderBy: { seq: "asc" },
    });
    expect(
      viaPrisma.map((row) => ({ seq: row.seq, type: row.type, payload: row.payload, at: row.at.toISOString() })),
    ).toEqual(written);
    const row = await prisma.draftSession.findUniqueOrThrow({ where: { id: draft.sessionId } });
    expect(row).toMatchObject({ status: "running", seq: 2, currentOverall: 2 });
    expect(row.clockDeadline?.toISOString()).toBe(new Date(T0 + 1_001 + 90_000).toISOString());
    expect(row.nextDueAt?.toISOString()).toBe(row.clockDeadline?.toISOString());
    expect(await prisma.pick.findMany({ where: { sessionId: draft.sessionId } })).toEqual([
      {
        sessionId: draft.sessionId,
        overall: 1,
        teamId: "CHI",
        playerId: "WillCa03",
        auto: false,
        madeAt: new Date(T0 + 1_001),
      },
    ]);
    // a page in the middle, and an upper bound
    expect(await repo.readEvents(draft.sessionId, 1, 100)).toEqual(picked.events);
    expect(await repo.readEvents(draft.sessionId, 0, 100, 1)).toEqual(started.events);
  });

  test("a second writer of the same seq, or of a player already taken, fails whole and changes nothing", async () => {
    const draft = await draftInDatabase();
    await draft.append(draft.decide({ type: "start" }, T0));
    const first = draft.decide(pickAs("CHI", "WillCa03"), T0 + 10);
    const rival = draft.decide(pickAs("CHI", "DaniJa02"), T0 + 20);
    await draft.append(first);
    await expect(draft.append(rival)).rejects.toBeInstanceOf(WriteConflict);

    // the same player at the next seq and overall: the (session, player) key refuses it
    const sameSeqLater = {
      ...first.events[0]!,
      seq: 3,
      payload: { ...first.events[0]!.payload, seq: 3 },
    } as DraftEvent;
    const duplicate = JSON.parse(JSON.stringify(sameSeqLater));
    duplicate.payload.pick.overall = 2;
    duplicate.payload.pick.team_id = "WAS";
    await expect(
      repo.append(draft.sessionId, [duplicate], {
        status: "running",
        seq: 3,
        currentOverall: 3,
        deadline: null,
        dueAt: null,
      }),
    ).rejects.toBeInstanceOf(WriteConflict);

    const { prisma } = server.warroom.db;
    expect(await prisma.sessionEvent.count({ where: { sessionId: draft.sessionId } })).toBe(2);
    expect((await prisma.pick.findMany({ where: { sessionId: draft.sessionId } })).map((p) => p.playerId)).toEqual([
      "WillCa03",
    ]);
    expect(await prisma.draftSession.findUniqueOrThrow({ where: { id: draft.sessionId } })).toMatchObject({
      seq: 2,
      currentOverall: 2,
    });
  });

  test("an undo deletes its pick and a trade moves the order slots, with the events in one transaction", async () => {
    const draft = await draftInDatabase();
    await draft.append(draft.decide({ type: "start" }, T0));
    await draft.append(draft.decide(pickAs("CHI", "WillCa03"), T0 + 10));
    await draft.append(draft.decide({ type: "undo_last_pick" }, T0 + 20));
    const { prisma } = server.warroom.db;
    expect(await prisma.pick.count({ where: { sessionId: draft.sessionId } })).toBe(0);

    const trade = draft.decide(
      {
        type: "propose_trade",
        actor: { kind: "admin" },
        tradeId: randomUUID(),
        fromTeamId: "CHI",
        toTeamId: "WAS",
        give: [1],
        receive: [2],
      },
      T0 + 30,
    );
    expect(trade.events.map((e) => e.type)).toEqual(["trade_executed"]);
    await draft.append(trade);
    const slots = await prisma.orderSlot.findMany({
      where: { sessionId: draft.sessionId, overall: { in: [1, 2] } },
      orderBy: { overall: "asc" },
    });
    expect(slots.map((s) => [s.overall, s.teamId, s.originalTeamId])).toEqual([
      [1, "WAS", "CHI"],
      [2, "CHI", "WAS"],
    ]);
    expect(await prisma.sessionEvent.count({ where: { sessionId: draft.sessionId } })).toBe(4);
  });
});
