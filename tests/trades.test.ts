// Trades over real sockets: humans with CPU GMs and with each other; every
// client sees the new order at once, and no pick ever has two owners.
import { decide } from "../lib/draft/engine";
import { initialState } from "../lib/draft/reducer";
import { createPoolCatalog } from "../lib/server/pools/pool-catalog";
import { createDraft } from "./support/fixtures";
import { backendName } from "./support/test-database";
import { nextEvent, request, startTestServer, type TestServer } from "./support/test-server";
import { ADMIN } from "../lib/server/sessions/access";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ rateLimit: { burst: 1000, perSecond: 1000 } });
});
afterAll(async () => {
  await server.close();
});

// 2024 order, rounds 1–2: CHI 1, 9; WAS 2, 36, 50, 53; ARI (a CPU here) 4, 27, 43
async function room() {
  const draft = await createDraft(server.warroom, { human_teams: ["CHI", "WAS"], cpu_delay_ms: 60_000 });
  const join = async (token?: string) => {
    const socket = await server.client();
    const ack = await request(socket, "join_session", { session_id: draft.sessionId, ...(token ? { token } : {}) });
    expect(ack.ok).toBe(true);
    return socket;
  };
  return {
    draft,
    chi: await join(draft.seat("CHI")),
    was: await join(draft.seat("WAS")),
    spectator: await join(),
    admin: await join(draft.adminKey),
  };
}

const slotOwner = async (sessionId: string, overall: number) =>
  (await server.warroom.reads.snapshot(sessionId)).order[overall - 1]!.team_id;

async function assertSingleOwners(sessionId: string) {
  const rows = await server.warroom.db.prisma.orderSlot.findMany({ where: { sessionId }, orderBy: { overall: "asc" } });
  const snapshot = await server.warroom.reads.snapshot(sessionId);
  expect(rows.map((r) => r.overall)).toEqual(snapshot.order.map((s) => s.overall));
  expect(rows.map((r) => r.teamId)).toEqual(snapshot.order.map((s) => s.team_id));
}

describe(`trades over sockets (${backendName})`, () => {
  test("a CPU GM accepts a fair offer at once and every client sees the new order", async () => {
    const { draft, chi, was, spectator } = await room();
    const seen = [chi, was, spectator].map((s) => nextEvent(s, "trade_executed"));
    const proposals = nextEvent(spectator, "trade_proposed");
    // CHI gives 9 for ARI's 27: far more chart value than ARI gives up
    const ack = await request(chi, "propose_trade", {
      session_id: draft.sessionId,
      from_team_id: "CHI",
      to_team_id: "ARI",
      give: [9],
      receive: [27],
    });
    expect(ack).toMatchObject({
      ok: true,
      // the GM answered at once, and the answer comes back with the ack
      trade: { from_team_id: "CHI", to_team_id: "ARI", status: "executed", value: { chart: "hill" } },
    });
    expect((await proposals).trade.trade_id).toBe(ack.trade.trade_id);
    for (const event of await Promise.all(seen)) {
      expect(event).toMatchObject({ trade: { trade_id: ack.trade.trade_id, status: "executed" } });
      expect(event.order[26]).toMatchObject({ overall: 27, team_id: "CHI", original_team_id: "ARI" });
      expect(event.order[8]).toMatchObject({ overall: 9, team_id: "ARI" });
    }
    expect(await slotOwner(draft.sessionId, 27)).toBe("CHI");
    await assertSingleOwners(draft.sessionId);
  });

  test("a CPU GM refuses an offer below chart value", async () => {
    const { draft, chi, spectator } = await room();
    const rejected = nextEvent(spectator, "trade_rejected");
    const ack = await request(chi, "propose_trade", {
      session_id: draft.sessionId,
      from_team_id: "CHI",
      to_team_id: "ARI",
      give: [9],
      receive: [4],
    });
    expect(ack.ok).toBe(true);
    // the ack says so, with why: the offer was below the GM's chart value
    expect(ack.trade).toMatchObject({ status: "rejected", reason: "below_value" });
    expect((await rejected).trade).toMatchObject({
      trade_id: ack.trade.trade_id,
      status: "rejected",
      reason: "below_value",
    });
    expect(await slotOwner(draft.sessionId, 4)).toBe("ARI");
  });

  test("two humans trade: the offer waits for the other seat, which accepts", async () => {
    const { draft, chi, was, spectator } = await room();
    const offered = nextEvent(was, "trade_proposed");
    const ack = await request(chi, "propose_trade", {
      session_id: draft.sessionId,
      from_team_id: "CHI",
      to_team_id: "WAS",
      give: [9],
      receive: [2],
    });
    expect(ack.trade.status).toBe("pending");
    const incoming = await offered;
    expect(incoming.trade.trade_id).toBe(ack.trade.trade_id);
    expect(await slotOwner(draft.sessionId, 2)).toBe("WAS");
    // only WAS may accept; the spectator and CHI itself may not
    expect(
      (
        await request(spectator, "respond_trade", {
          session_id: draft.sessionId,
          trade_id: incoming.trade.trade_id,
          accept: true,
        })
      ).error?.code,
    ).toBe("forbidden");
    expect(
      (
        await request(chi, "respond_trade", {
          session_id: draft.sessionId,
          trade_id: incoming.trade.trade_id,
          accept: true,
        })
      ).error?.code,
    ).toBe("forbidden");
    const executed = nextEvent(spectator, "trade_executed");
    const answer = await request(was, "respond_trade", {
      session_id: draft.sessionId,
      trade_id: incoming.trade.trade_id,
      accept: true,
    });
    expect(answer.trade.status).toBe("executed");
    expect((await executed).order[1]?.team_id).toBe("CHI");
    expect(await slotOwner(draft.sessionId, 9)).toBe("WAS");
    await assertSingleOwners(draft.sessionId);
  });

  test("two humans trade: the other seat declines and nothing moves", async () => {
    const { draft, chi, was } = await room();
    const ack = await request(chi, "propose_trade", {
      session_id: draft.sessionId,
      from_team_id: "CHI",
      to_team_id: "WAS",
      give: [9],
      receive: [36],
    });
    const rejected = nextEvent(chi, "trade_rejected");
    const answer = await request(was, "respond_trade", {
      session_id: draft.sessionId,
      trade_id: ack.trade.trade_id,
      accept: false,
    });
    expect(answer.trade).toMatchObject({ status: "rejected", reason: "declined" });
    expect((await rejected).trade).toMatchObject({ trade_id: ack.trade.trade_id, reason: "declined" });
    expect(await slotOwner(draft.sessionId, 36)).toBe("WAS");
    expect(
      (await request(was, "respond_trade", { session_id: draft.sessionId, trade_id: ack.trade.trade_id, accept: true }))
        .error?.code,
    ).toBe("conflict");
  });

  test("the proposer may withdraw a pending offer, which then reads as withdrawn", async () => {
    const { draft, chi } = await room();
    const ack = await request(chi, "propose_trade", {
      session_id: draft.sessionId,
      from_team_id: "CHI",
      to_team_id: "WAS",
      give: [9],
      receive: [36],
    });
    expect(ack.trade.status).toBe("pending");
    const withdrawn = await request(chi, "respond_trade", {
      session_id: draft.sessionId,
      trade_id: ack.trade.trade_id,
      accept: false,
    });
    expect(withdrawn.trade).toMatchObject({ status: "rejected", reason: "withdrawn" });
    const snapshot = await request(chi, "join_session", { session_id: draft.sessionId });
    expect(snapshot.snapshot.trades.find((t) => t.trade_id === ack.trade.trade_id)?.reason).toBe("withdrawn");
  });

  test("a stale offer is rejected: its pick was used before the answer", async () => {
    const { draft, chi, was, admin } = await room();
    await request(admin, "admin_action", { session_id: draft.sessionId, action: "start" });
    const ack = await request(was, "propose_trade", {
      session_id: draft.sessionId,
      from_team_id: "WAS",
      to_team_id: "CHI",
      give: [2, 36],
      receive: [1],
    });
    const rejected = nextEvent(was, "trade_rejected");
    expect(
      (
        await request(chi, "make_pick", {
          session_id: draft.sessionId,
          team_id: "CHI",
          player_id: "WillCa03",
          expected_overall: 1,
        })
      ).ok,
    ).toBe(true);
    expect((await rejected).trade).toMatchObject({
      trade_id: ack.trade.trade_id,
      status: "rejected",
      reason: "expired",
    });
    const late = await request(chi, "respond_trade", {
      session_id: draft.sessionId,
      trade_id: ack.trade.trade_id,
      accept: true,
    });
    expect(late.error?.code).toBe("conflict");
    expect(
      (
        await request(was, "propose_trade", {
          session_id: draft.sessionId,
          from_team_id: "WAS",
          to_team_id: "CHI",
          give: [2],
          receive: [1],
        })
      ).error?.code,
    ).toBe("conflict");
    await assertSingleOwners(draft.sessionId);
  });

  test("seats trade only their own picks; spectators not at all; an admin trade executes at once", async () => {
    const { draft, chi, spectator, admin } = await room();
    const offer = { session_id: draft.sessionId, from_team_id: "WAS", to_team_id: "ARI", give: [2], receive: [4] };
    expect((await request(chi, "propose_trade", offer)).error?.code).toBe("forbidden");
    expect((await request(spectator, "propose_trade", offer)).error?.code).toBe("forbidden");
    expect((await request(chi, "propose_trade", { ...offer, from_team_id: "CHI", give: [2] })).error?.code).toBe(
      "conflict",
    );
    expect((await request(chi, "propose_trade", { ...offer, from_team_id: "CHI", give: [1, 1] })).error?.code).toBe(
      "invalid_payload",
    );
    const commissioner = await request(admin, "propose_trade", offer);
    expect(commissioner.trade.status).toBe("executed");
    expect(await slotOwner(draft.sessionId, 2)).toBe("ARI");
    expect(await slotOwner(draft.sessionId, 4)).toBe("WAS");
  });

  test("a CPU GM calls the human on the clock with a fair offer to trade up, and the human can accept", async () => {
    // find a seed whose draft brings a call for pick 2 (WAS) right after CHI's CPU pick, using the same engine
    const pool = (await createPoolCatalog(server.warroom.db.prisma).get("2024"))!;
    const teams = pool.teams.map((t) => ({
      ...t,
      controller: t.team_id === "WAS" ? ("human" as const) : ("cpu" as const),
    }));
    const seed = Array.from({ length: 300 }, (_, i) => i).find((candidate) => {
      const config = {
        sessionId: "x",
        name: "x",
        pool,
        rounds: 2,
        secondsPerPick: 0,
        cpuDelayMs: 0,
        teams,
        settings: { seed: candidate },
      };
      const started = decide(initialState(config), { type: "start" }, 0);
      const ticked = started.ok && decide(started.value.state, { type: "tick" }, 0);
      return ticked && ticked.ok && ticked.value.events.some((e) => e.type === "trade_proposed");
    });
    expect(seed).toBeDefined();
    const draft = await createDraft(server.warroom, {
      human_teams: ["WAS"],
      cpu_delay_ms: 0,
      seed,
      cpu_trade_offers: true,
    });
    const was = await server.client();
    await request(was, "join_session", { session_id: draft.sessionId, token: draft.seat("WAS") });
    const call = nextEvent(was, "trade_proposed");
    await server.warroom.commands.adminAction(draft.sessionId, ADMIN, "start");
    const { trade } = await call;
    expect(trade).toMatchObject({ to_team_id: "WAS", receive: [2], status: "pending" });
    expect(trade.value!.give).toBeGreaterThanOrEqual(trade.value!.receive);
    const answer = await request(was, "respond_trade", {
      session_id: draft.sessionId,
      trade_id: trade.trade_id,
      accept: true,
    });
    expect(answer.trade.status).toBe("executed");
    for (const overall of trade.give) expect(await slotOwner(draft.sessionId, overall)).toBe("WAS");
    await assertSingleOwners(draft.sessionId);
  });

  test("trades show in the snapshot and in the JSON export", async () => {
    const { draft, chi } = await room();
    const ack = await request(chi, "propose_trade", {
      session_id: draft.sessionId,
      from_team_id: "CHI",
      to_team_id: "ARI",
      give: [9],
      receive: [27],
    });
    const snapshot = await server.warroom.reads.snapshot(draft.sessionId);
    expect(snapshot.trades).toEqual([expect.objectContaining({ trade_id: ack.trade.trade_id, status: "executed" })]);
    const exported = JSON.parse((await server.warroom.queries.exportDraft(draft.sessionId, "json")).body);
    expect(exported.trades).toEqual(snapshot.trades);
  });
});
