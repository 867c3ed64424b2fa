// Issue 14 over real sockets, on PGlite and on PostgreSQL: future picks move
// with trades (ownership after a chain of trades and after an undo), a CPU GM
// that says no puts a package it would take in `counter`, shopping the pick on
// the clock brings pending CPU offers, the CPU never takes a pile of late
// picks for a first, and CPU teams trade among themselves when cpu_trades is on.
import type { FuturePick, Snapshot } from "../lib/protocol/shapes";
import { createDraft } from "./support/fixtures";
import { backendName } from "./support/test-database";
import type { ServerPayload } from "../lib/protocol/events";
import { nextEvent, request, startTestServer, type TestServer } from "./support/test-server";

jest.setTimeout(60_000);

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ rateLimit: { burst: 1000, perSecond: 1000 } });
});
afterAll(async () => {
  await server.close();
});

// 2024 order: CHI 1, 9; WAS 2; NE 3; ARI (a CPU here) 4, 27
async function room(overrides: Parameters<typeof createDraft>[1] = {}) {
  const draft = await createDraft(server.warroom, {
    human_teams: ["CHI", "WAS", "NE"],
    cpu_delay_ms: 60_000,
    ...overrides,
  });
  const join = async (token?: string) => {
    const socket = await server.client();
    const ack = await request(socket, "join_session", { session_id: draft.sessionId, ...(token ? { token } : {}) });
    expect(ack.ok).toBe(true);
    return { socket, snapshot: ack.snapshot };
  };
  const chi = await join(draft.seat("CHI"));
  return {
    draft,
    first: chi.snapshot,
    chi: chi.socket,
    was: (await join(draft.seat("WAS"))).socket,
    ne: (await join(draft.seat("NE"))).socket,
    admin: (await join(draft.adminKey)).socket,
  };
}

const future = (season_offset: 1 | 2, round: number, original_team_id: string): FuturePick => ({
  season_offset,
  round,
  original_team_id,
});
const ownerOf = (snapshot: Snapshot, pick: FuturePick) =>
  snapshot.future_picks?.find(
    (p) =>
      p.season_offset === pick.season_offset && p.round === pick.round && p.original_team_id === pick.original_team_id,
  )?.owner_team_id;
const snapshotOf = (sessionId: string) => server.warroom.reads.snapshot(sessionId);

describe(`future picks, counter-offers and shopping the pick over sockets (${backendName})`, () => {
  test("every team starts owning its rounds 1–7 of the next two drafts", async () => {
    const { first } = await room();
    expect(first.future_picks).toHaveLength(32 * 2 * 7);
    expect(first.future_picks!.every((p) => p.owner_team_id === p.original_team_id)).toBe(true);
  });

  test("future picks move with a chain of trades; one not owned is a conflict; an undo leaves them where trades put them", async () => {
    const { draft, chi, was, ne, admin } = await room();
    const session_id = draft.sessionId;
    const chiFirst = future(1, 1, "CHI");

    // CHI sends #9 and next year's first to WAS for #2; WAS accepts
    const offer = await request(chi, "propose_trade", {
      session_id,
      from_team_id: "CHI",
      to_team_id: "WAS",
      give: [9],
      receive: [2],
      give_future: [chiFirst],
    });
    expect(offer).toMatchObject({ ok: true, trade: { status: "pending", give_future: [chiFirst] } });
    const executed = nextEvent(ne, "trade_executed");
    expect(
      await request(was, "respond_trade", { session_id, trade_id: offer.trade.trade_id, accept: true }),
    ).toMatchObject({
      ok: true,
      trade: { status: "executed" },
    });
    expect((await executed).trade.give_future).toEqual([chiFirst]);
    expect(ownerOf(await snapshotOf(session_id), chiFirst)).toBe("WAS");

    // CHI no longer owns it: offering it again is a conflict and changes nothing
    const again = await request(chi, "propose_trade", {
      session_id,
      from_team_id: "CHI",
      to_team_id: "NE",
      give: [],
      receive: [3],
      give_future: [chiFirst],
    });
    expect(again).toMatchObject({ ok: false, error: { code: "conflict" } });

    // WAS passes it on to NE, with its own 2026 second, for NE's #3
    const passOn = await request(was, "propose_trade", {
      session_id,
      from_team_id: "WAS",
      to_team_id: "NE",
      give: [],
      receive: [3],
      give_future: [chiFirst, future(2, 2, "WAS")],
    });
    expect(passOn.ok).toBe(true);
    await request(ne, "respond_trade", { session_id, trade_id: passOn.trade.trade_id, accept: true });
    let snapshot = await snapshotOf(session_id);
    expect(ownerOf(snapshot, chiFirst)).toBe("NE");
    expect(ownerOf(snapshot, future(2, 2, "WAS"))).toBe("NE");
    expect(snapshot.order.slice(0, 3).map((s) => s.team_id)).toEqual(["CHI", "CHI", "WAS"]);

    // the draft runs: CHI picks at 1, the commissioner undoes it; future ownership is untouched
    await request(admin, "admin_action", { session_id, action: "start" });
    expect((await request(chi, "make_pick", { session_id, team_id: "CHI", player_id: "WillCa03" })).ok).toBe(true);
    expect((await request(admin, "admin_action", { session_id, action: "undo_last_pick" })).ok).toBe(true);
    snapshot = await snapshotOf(session_id);
    expect(snapshot.picks).toHaveLength(0);
    expect(ownerOf(snapshot, chiFirst)).toBe("NE");
    expect(ownerOf(snapshot, future(2, 2, "WAS"))).toBe("NE");
    // a rejoining client reads the same owners from its snapshot
    const late = await server.client();
    const rejoin = await request(late, "join_session", { session_id });
    expect(ownerOf(rejoin.snapshot, chiFirst)).toBe("NE");
    // results and exports say who owns what
    const results = await server.warroom.queries.results(session_id);
    const team = (id: string) => results.teams.find((t) => t.team_id === id)!;
    expect(team("NE").future_picks).toEqual({ gained: [chiFirst, future(2, 2, "WAS")], traded_away: [] });
    expect(team("CHI").future_picks).toEqual({ gained: [], traded_away: [chiFirst] });
    expect(team("WAS").future_picks).toEqual({ gained: [], traded_away: [future(2, 2, "WAS")] });
    const csv = (await server.warroom.queries.exportDraft(session_id, "csv", "trades")).body.trim().split("\n");
    expect(csv.slice(1).map((line) => line.split(",").slice(2, 8))).toEqual([
      ["CHI", "WAS", "9", "2", "1:1:CHI", ""],
      ["WAS", "NE", "", "3", "1:1:CHI 2:2:WAS", ""],
    ]);
  });

  test("a CPU GM that says no gives the reason and a counter the proposer can send as is", async () => {
    const { draft, chi } = await room();
    const session_id = draft.sessionId;
    // #27 for ARI's #4: far below the chart
    const lowball = await request(chi, "propose_trade", {
      session_id,
      from_team_id: "CHI",
      to_team_id: "ARI",
      give: [9],
      receive: [4],
    });
    expect(lowball).toMatchObject({ ok: true, trade: { status: "rejected", reason: "below_value" } });
    const counter = lowball.trade.counter!;
    expect(Object.keys(counter).sort()).toEqual(["give", "give_future", "receive", "receive_future"]);
    expect(counter.receive).toEqual([4]);
    expect(counter.give.length + counter.give_future.length).toBeGreaterThan(1);
    const accepted = await request(chi, "propose_trade", {
      session_id,
      from_team_id: "CHI",
      to_team_id: "ARI",
      ...counter,
    });
    expect(accepted).toMatchObject({ ok: true, trade: { status: "executed" } });
    expect((await snapshotOf(session_id)).order[3]!.team_id).toBe("CHI");
  });

  test("the CPU never takes a pile of late picks for a first, however it is split", async () => {
    const { draft, was } = await room({ rounds: 7 });
    const session_id = draft.sessionId;
    const snapshot = await snapshotOf(session_id);
    const late = snapshot.order.filter((s) => s.team_id === "WAS" && s.round >= 4).map((s) => s.overall);
    const ack = await request(was, "propose_trade", {
      session_id,
      from_team_id: "WAS",
      to_team_id: "ARI",
      give: late,
      receive: [4],
      give_future: [future(1, 7, "WAS"), future(2, 7, "WAS"), future(1, 6, "WAS"), future(2, 6, "WAS")],
    });
    expect(ack).toMatchObject({ ok: true, trade: { status: "rejected", reason: "below_value" } });
    expect((await snapshotOf(session_id)).order[3]!.team_id).toBe("ARI");
  });

  test("shopping the pick on the clock brings up to three pending CPU offers within a second; one is taken in one step", async () => {
    const { draft, chi, was, admin } = await room({ seed: 9 });
    const session_id = draft.sessionId;
    await request(admin, "admin_action", { session_id, action: "start" });
    // the commissioner runs picks 1–8: CHI is on the clock at #9, where clubs behind it want to move up
    for (let i = 0; i < 8; i++) await request(admin, "admin_action", { session_id, action: "force_autopick" });
    // only the team on the clock may shop its pick
    expect(await request(was, "shop_pick", { session_id, team_id: "WAS" })).toMatchObject({
      ok: false,
      error: { code: "conflict" },
    });
    const started = performance.now();
    const shopped = await request(chi, "shop_pick", { session_id, team_id: "CHI" });
    const ms = performance.now() - started;
    expect(shopped.ok).toBe(true);
    expect(ms).toBeLessThan(1000);
    const offers = shopped.trades;
    expect(offers.length).toBeGreaterThanOrEqual(1);
    expect(offers.length).toBeLessThanOrEqual(3);
    for (const offer of offers) expect(offer).toMatchObject({ to_team_id: "CHI", status: "pending", receive: [9] });
    const executed = nextEvent(was, "trade_executed");
    expect(
      await request(chi, "respond_trade", { session_id, trade_id: offers[0]!.trade_id, accept: true }),
    ).toMatchObject({ ok: true, trade: { status: "executed" } });
    expect((await executed).order[8]!.team_id).toBe(offers[0]!.from_team_id);
    // the other offers were for the same pick: none is left pending
    const after = await snapshotOf(session_id);
    expect(after.trades.filter((t) => t.status === "pending")).toEqual([]);
  });
});

describe(`CPU-to-CPU trades (${backendName})`, () => {
  async function allCpuDraft(cpu_trades: boolean | undefined) {
    const draft = await createDraft(server.warroom, {
      human_teams: [],
      rounds: 2,
      cpu_delay_ms: 0,
      seed: 2024,
      ...(cpu_trades === undefined ? { cpu_trades: undefined } : { cpu_trades }),
    });
    const watcher = await server.client();
    const trades: ServerPayload<"trade_executed">[] = [];
    watcher.on("trade_executed", (event) => trades.push(event));
    await request(watcher, "join_session", { session_id: draft.sessionId, token: draft.adminKey });
    await request(watcher, "admin_action", { session_id: draft.sessionId, action: "start" });
    for (let i = 0; i < 500 && (await snapshotOf(draft.sessionId)).status !== "complete"; i++)
      await new Promise((resolve) => setTimeout(resolve, 20));
    await server.warroom.settled();
    // a round trip on the watcher's connection comes back after everything broadcast to it before
    await request(watcher, "ping", { client_time: 1 });
    return { snapshot: await snapshotOf(draft.sessionId), trades };
  }

  test("on by default: CPU teams trade up among themselves within the chart margin, each a trade_executed", async () => {
    const { snapshot, trades } = await allCpuDraft(undefined);
    expect(snapshot.status).toBe("complete");
    expect(snapshot.picks).toHaveLength(64);
    expect(trades.length).toBeGreaterThan(0);
    // every CPU-to-CPU trade reached the room as a trade_executed, and they are all in the snapshot
    expect(trades.map((t) => t.trade.trade_id)).toEqual(snapshot.trades.map((t) => t.trade_id));
    for (const { trade } of trades) {
      expect(trade.status).toBe("executed");
      // the side moving up pays 0–25% more by the chart
      expect(trade.value!.give).toBeGreaterThanOrEqual(trade.value!.receive);
      expect(trade.value!.give).toBeLessThanOrEqual(trade.value!.receive * 1.25);
    }
    console.log(`${backendName}: a seeded two-round all-CPU draft made ${trades.length} CPU-to-CPU trades`);
  });

  test("off when the session says cpu_trades: false", async () => {
    const { snapshot, trades } = await allCpuDraft(false);
    expect(snapshot.status).toBe("complete");
    expect(trades).toEqual([]);
  });
});
