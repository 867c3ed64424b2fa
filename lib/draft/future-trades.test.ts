// Trades v2 in the engine: future picks and who owns them, counter-offers,
// shopping the pick, and the exploits a CPU GM must not fall for.
import type { FuturePick, Snapshot, Trade } from "../protocol/shapes";
import { applyToBoard, type BoardEvent } from "./board";
import { decide, type Outcome } from "./engine";
import type { Decision } from "./errors";
import { futureKey, futureOwner } from "./future-picks";
import { readBundledPools } from "../pools/pool-data";
import { makePool } from "./pool";
import { initialState } from "./reducer";
import { rngFor } from "./rng";
import { toSnapshot } from "./snapshot";
import { smallConfig, smallState } from "./test-fixtures";
import { assetsOf, FUTURE_PICK_COST, withGiven, type Asset } from "./trade-packages";
import { CPU_TRADE_MARGIN, cpuAcceptsValues, cpuWorth, MAX_MOVE_UP_PREMIUM } from "./trade-rules";
import { futurePickEquivalent, futurePickValue, pickValue, type TradeChart } from "./trade-value";
import type { DraftCommand, DraftEvent, DraftState } from "./types";

const T0 = Date.parse("2026-04-24T20:00:00.000Z");
const CHARTS: TradeChart[] = ["hill", "johnson", "otc", "stuart"];
let nextId = 0;
const id = () => `00000000-0000-4000-8000-${String(++nextId).padStart(12, "0")}`;

function must(decision: Decision<Outcome>): Outcome {
  if (!decision.ok) throw new Error(`rejected: ${decision.rejection.code} ${decision.rejection.message}`);
  return decision.value;
}
const run = (state: DraftState, command: DraftCommand) => must(decide(state, command, T0)).state;
function rejection(state: DraftState, command: DraftCommand) {
  const decision = decide(state, command, T0);
  if (decision.ok) throw new Error("expected a rejection");
  return decision.rejection;
}

const future = (season_offset: 1 | 2, round: number, original_team_id: string): FuturePick => ({
  season_offset,
  round,
  original_team_id,
});

// small pool order: 1 KC, 2 NYJ, 3 BUF, 4 MIA, 5 KC, 6 KC, 7 BUF, 8 MIA, 9 KC, 10 NYJ, 11 BUF, 12 MIA; humans KC and NYJ
function offer(
  from: string,
  to: string,
  give: number[],
  receive: number[],
  extra: { giveFuture?: FuturePick[]; receiveFuture?: FuturePick[]; tradeId?: string; admin?: boolean } = {},
): DraftCommand {
  return {
    type: "propose_trade",
    actor: extra.admin ? { kind: "admin" } : { kind: "team", teamId: from },
    tradeId: extra.tradeId ?? id(),
    fromTeamId: from,
    toTeamId: to,
    give,
    receive,
    ...(extra.giveFuture ? { giveFuture: extra.giveFuture } : {}),
    ...(extra.receiveFuture ? { receiveFuture: extra.receiveFuture } : {}),
  };
}
const answer = (teamId: string, tradeId: string, accept: boolean): DraftCommand => ({
  type: "respond_trade",
  actor: { kind: "team", teamId },
  tradeId,
  accept,
});
const pickBy = (teamId: string, playerId: string): DraftCommand => ({
  type: "make_pick",
  actor: { kind: "team", teamId },
  teamId,
  playerId,
});
const lastTrade = (state: DraftState): Trade => state.trades.at(-1)!;
const ownerOf = (state: DraftState, pick: FuturePick) => futureOwner(state.future_picks, pick);

/** Every event folded over the starting snapshot with the browser's reducer: the board a room would show. */
function roomBoard(start: Snapshot, events: readonly DraftEvent[]): Snapshot {
  return events.reduce((board, event) => applyToBoard(board, event as BoardEvent), start);
}

describe("future picks", () => {
  test("every club starts owning its rounds 1-7 of the next two drafts, in the snapshot too", () => {
    const state = smallState();
    expect(state.future_picks).toHaveLength(4 * 2 * 7);
    expect(state.future_picks.every((p) => p.owner_team_id === p.original_team_id)).toBe(true);
    expect(toSnapshot(state, T0).future_picks).toEqual(state.future_picks);
    expect(ownerOf(state, future(2, 7, "MIA"))).toBe("MIA");
  });

  test("a future pick is valued like the middle pick of the round season_offset rounds below", () => {
    // 32 clubs: next year's first = pick 48 (middle of round 2); the year after's first = pick 80
    expect(futurePickEquivalent(future(1, 1, "X"), 32)).toBe(48);
    expect(futurePickEquivalent(future(2, 1, "X"), 32)).toBe(80);
    expect(futurePickEquivalent(future(1, 3, "X"), 32)).toBe(112);
    expect(futurePickValue("hill", future(1, 1, "X"), 32)).toBe(pickValue("hill", 48));
    // past the chart's end: its last value
    expect(futurePickValue("hill", future(2, 7, "X"), 32)).toBe(pickValue("hill", 256));
    // the small pool has 4 clubs: next year's first is worth pick 6
    const trade = must(decide(smallState(), offer("KC", "NYJ", [], [2], { giveFuture: [future(1, 1, "KC")] }), T0))
      .state.trades[0]!;
    expect(trade).toMatchObject({ give: [], give_future: [future(1, 1, "KC")], receive: [2] });
    expect(trade.value).toEqual({ chart: "hill", give: pickValue("hill", 6), receive: pickValue("hill", 2) });
    expect(trade).not.toHaveProperty("receive_future");
  });

  test("an accepted trade moves future picks beside current ones, for the engine and the room alike", () => {
    const start = smallState();
    const tradeId = id();
    let state = run(
      start,
      offer("KC", "NYJ", [9], [2], { giveFuture: [future(1, 2, "KC")], receiveFuture: [future(2, 4, "NYJ")], tradeId }),
    );
    const outcome = must(decide(state, answer("NYJ", tradeId, true), T0));
    state = outcome.state;
    expect(ownerOf(state, future(1, 2, "KC"))).toBe("NYJ");
    expect(ownerOf(state, future(2, 4, "NYJ"))).toBe("KC");
    expect(state.order[1]!.team_id).toBe("KC");
    expect(state.order[8]!.team_id).toBe("NYJ");
    // the browser's reducer, from the snapshot before the trade, lands on the same ownership
    const before = toSnapshot(start, T0);
    const room = roomBoard(before, [
      ...must(
        decide(
          start,
          offer("KC", "NYJ", [9], [2], {
            giveFuture: [future(1, 2, "KC")],
            receiveFuture: [future(2, 4, "NYJ")],
            tradeId,
          }),
          T0,
        ),
      ).events,
      ...outcome.events,
    ]);
    expect(room.future_picks).toEqual(state.future_picks);
    expect(room.order).toEqual(state.order);
    // a board without future_picks (an older server's snapshot) keeps none
    const { future_picks: _dropped, ...older } = before;
    expect(roomBoard(older, outcome.events).future_picks).toBeUndefined();
  });

  test("ownership after a chain of trades: only the current owner may trade a future pick", () => {
    const pick = future(1, 1, "KC");
    // KC → NYJ (a commissioner's trade), NYJ → BUF (a CPU GM, for a fair price), BUF → MIA (commissioner)
    let state = run(smallState(), offer("KC", "NYJ", [], [10], { giveFuture: [pick], admin: true }));
    expect(ownerOf(state, pick)).toBe("NYJ");
    expect(rejection(state, offer("KC", "BUF", [], [3], { giveFuture: [pick] }))).toMatchObject({
      code: "conflict",
      message: "next year's round 1 pick of KC is not owned by KC",
    });
    state = run(state, offer("NYJ", "BUF", [], [11], { giveFuture: [pick] }));
    expect(lastTrade(state).status).toBe("executed");
    expect(ownerOf(state, pick)).toBe("BUF");
    expect(rejection(state, offer("NYJ", "MIA", [], [4], { giveFuture: [pick] })).code).toBe("conflict");
    state = run(state, offer("BUF", "MIA", [], [12], { giveFuture: [pick], admin: true }));
    expect(ownerOf(state, pick)).toBe("MIA");
    // asking for it from a club that no longer has it is a conflict too
    expect(rejection(state, offer("KC", "BUF", [5], [], { receiveFuture: [pick] })).code).toBe("conflict");
    // everything else stayed with its first owner; every future pick still has exactly one owner
    const moved = state.future_picks.filter((p) => p.owner_team_id !== p.original_team_id);
    expect(moved.map(futureKey)).toEqual([futureKey(pick)]);
    expect(new Set(state.future_picks.map(futureKey)).size).toBe(56);
  });

  test("an offer naming a traded-away future pick expires when the pick moves", () => {
    const pick = future(2, 3, "NYJ");
    const stale = id();
    let state = run(smallState(), offer("NYJ", "KC", [], [5], { giveFuture: [pick], tradeId: stale }));
    state = run(state, offer("NYJ", "MIA", [], [12], { giveFuture: [pick], admin: true }));
    expect(state.trades.find((t) => t.trade_id === stale)).toMatchObject({ status: "rejected", reason: "expired" });
  });

  test("validates future picks: unknown is not_found, more than 7 a side, twice or nothing at all is invalid_payload", () => {
    const state = smallState();
    expect(rejection(state, offer("KC", "NYJ", [], [2], { giveFuture: [future(1, 1, "ZZZ")] })).code).toBe("not_found");
    const eight = [1, 2, 3, 4, 5, 6, 7].map((round) => future(1, round, "KC")).concat(future(2, 1, "KC"));
    expect(rejection(state, offer("KC", "NYJ", [], [2], { giveFuture: eight })).code).toBe("invalid_payload");
    expect(
      rejection(state, offer("KC", "NYJ", [], [2], { giveFuture: [future(1, 1, "KC"), future(1, 1, "KC")] })).code,
    ).toBe("invalid_payload");
    expect(rejection(state, offer("KC", "NYJ", [], [])).code).toBe("invalid_payload");
    // seven is fine
    expect(decide(state, offer("KC", "NYJ", [], [2], { giveFuture: eight.slice(0, 7) }), T0).ok).toBe(true);
  });

  test("undoing a pick after a trade keeps who owns what", () => {
    let state = run(smallState({ cpuDelayMs: 0 }), { type: "start" });
    state = run(state, pickBy("KC", "p1"));
    const tradeId = id();
    state = run(state, offer("NYJ", "KC", [2], [5], { giveFuture: [future(1, 3, "NYJ")], tradeId }));
    state = run(state, answer("KC", tradeId, true));
    expect(state.order[1]!.team_id).toBe("KC");
    state = run(state, pickBy("KC", "p2"));
    const ownedBefore = { order: state.order, future: state.future_picks };
    state = run(state, { type: "undo_last_pick" });
    expect(state.picks.map((p) => p.overall)).toEqual([1]);
    expect(state.order).toEqual(ownedBefore.order);
    expect(state.future_picks).toEqual(ownedBefore.future);
    expect(ownerOf(state, future(1, 3, "NYJ"))).toBe("KC");
    // KC is on the clock again at pick 2, which it still owns, and may pick again
    state = run(state, pickBy("KC", "p3"));
    expect(state.picks[1]).toMatchObject({ overall: 2, team_id: "KC" });
    // undoing back past the trade's picks does not undo the trade
    state = run(run(state, { type: "undo_last_pick" }), { type: "undo_last_pick" });
    expect(state.picks).toHaveLength(0);
    expect(state.trades.find((t) => t.trade_id === tradeId)!.status).toBe("executed");
    expect(state.order[1]!.team_id).toBe("KC");
    // and the replay from the log lands on the same board
    expect(ownerOf(state, future(1, 3, "NYJ"))).toBe("KC");
  });
});

describe("counter-offers", () => {
  test("a CPU GM that says no names the gap and a package it would accept; proposing that executes", () => {
    // KC offers pick 9 for BUF's pick 3: far below its value
    let state = run(smallState(), offer("KC", "BUF", [9], [3]));
    const rejected = lastTrade(state);
    expect(rejected).toMatchObject({ status: "rejected", reason: "below_value" });
    expect(rejected.value!.give).toBeLessThan(rejected.value!.receive);
    const counter = rejected.counter!;
    expect(counter).toBeDefined();
    expect(Object.keys(counter).sort()).toEqual(["give", "give_future", "receive", "receive_future"]);
    expect(counter.receive).toEqual([3]);
    expect(counter.give).toContain(9);
    expect(counter.give.length + counter.give_future.length).toBeGreaterThan(1);
    state = run(
      state,
      offer("KC", "BUF", counter.give, counter.receive, {
        giveFuture: counter.give_future,
        receiveFuture: counter.receive_future,
      }),
    );
    expect(lastTrade(state).status).toBe("executed");
    expect(state.order[2]!.team_id).toBe("KC");
  });

  test("the counter adds the proposer's cheapest pick that closes the gap, next year's only when cheaper by a margin", () => {
    // NYJ has 2 and 10 and its future picks; it offers 10 for BUF's 7
    const state = run(smallState(), offer("NYJ", "BUF", [10], [7]));
    const counter = lastTrade(state).counter!;
    expect(counter).toBeDefined();
    const assets = assetsOf(smallState(), "NYJ", { give: [10], receive: [7], give_future: [], receive_future: [] });
    const given = [pickValue("hill", 7)];
    const works = (asset: Asset) => cpuAcceptsValues([pickValue("hill", 10), asset.value], given);
    const cheapest = assets.find(works)!;
    expect(withGiven({ give: [10], receive: [7], give_future: [], receive_future: [] }, [cheapest])).toEqual(counter);
    // a future pick costs the club more than its chart value
    const futureAsset = assets.find((asset) => "future" in asset)!;
    expect(futureAsset.cost).toBeCloseTo(futureAsset.value * FUTURE_PICK_COST);
    // nothing cheaper would have done
    for (const asset of assets.filter((a) => a.cost < cheapest.cost)) expect(works(asset)).toBe(false);
  });

  test("no counter when nothing within reason would close the gap", () => {
    // KC asks for all of BUF's current picks and seven of its future ones for pick 9
    const futures = [1, 2, 3, 4, 5, 6, 7].map((round) => future(1, round, "BUF"));
    const state = run(smallState(), offer("KC", "BUF", [9], [3, 7, 11], { receiveFuture: futures }));
    expect(lastTrade(state)).toMatchObject({ status: "rejected", reason: "below_value" });
    expect(lastTrade(state)).not.toHaveProperty("counter");
  });
});

describe("exploits a CPU GM does not fall for", () => {
  test("ten seventh-rounders never buy a first-rounder, on any chart, though their chart sum may", () => {
    for (const chart of CHARTS) {
      const first = pickValue(chart, 32);
      const sevenths = Array.from({ length: 10 }, (_, i) => pickValue(chart, 225 + i));
      expect(cpuAcceptsValues(sevenths, [first])).toBe(false);
      // twenty of them neither
      expect(cpuAcceptsValues([...sevenths, ...sevenths], [first])).toBe(false);
    }
    // on Over The Cap's flat chart the plain sum would have bought pick 32: the discount is what says no
    const otc = Array.from({ length: 10 }, (_, i) => pickValue("otc", 225 + i));
    expect(otc.reduce((a, b) => a + b, 0)).toBeGreaterThan(pickValue("otc", 32) * (1 + CPU_TRADE_MARGIN));
  });

  test("many middling picks for one top pick are discounted; filler counts nothing", () => {
    // five third-rounders for the first overall pick, on the flattest chart
    const thirds = [65, 70, 75, 80, 85].map((o) => pickValue("otc", o));
    expect(thirds.reduce((a, b) => a + b, 0)).toBeGreaterThan(pickValue("otc", 1) * 1.05);
    expect(cpuAcceptsValues(thirds, [pickValue("otc", 1)])).toBe(false);
    // a pick worth under 5% of the best pick given is filler
    expect(cpuWorth([pickValue("hill", 200)], [pickValue("hill", 1)])).toBe(0);
    // a fair one-for-one swap is still just the chart
    expect(cpuWorth([pickValue("hill", 5)], [pickValue("hill", 7)])).toBe(pickValue("hill", 5));
  });

  test("through the engine: ten late current and future picks for a CPU club's first-rounder are refused", () => {
    // the 2024 class, Over The Cap's flat chart; Chicago is the one human seat
    const data = readBundledPools().find((pool) => pool.pool === "2024")!;
    const pool = makePool({ id: "2024", rounds: 7, teams: data.teams, players: data.players, order: data.order });
    let state = initialState({
      ...smallConfig({ pool, humans: ["CHI"] }),
      rounds: 7,
      settings: { tradeChart: "otc", cpuTradeOffers: false },
    });
    // six clubs hand Chicago a seventh-rounder each (commissioner trades)
    const sevenths = state.order.filter((slot) => slot.round === 7 && slot.team_id !== "CHI").slice(0, 6);
    for (const slot of sevenths) state = run(state, offer(slot.team_id, "CHI", [slot.overall], [], { admin: true }));
    const late = state.order.filter((slot) => slot.team_id === "CHI" && slot.round >= 6).map((slot) => slot.overall);
    const futures = [future(1, 6, "CHI"), future(1, 7, "CHI"), future(2, 6, "CHI"), future(2, 7, "CHI")];
    const target = state.order.find((slot) => slot.round === 1 && slot.overall >= 28 && slot.team_id !== "CHI")!;
    const raw =
      late.reduce((sum, o) => sum + pickValue("otc", o), 0) +
      futures.reduce((sum, p) => sum + futurePickValue("otc", p, 32), 0);
    expect(late.length + futures.length).toBeGreaterThanOrEqual(10);
    // by the plain chart sum the pile beats the first-rounder by the margin: the discount is what says no
    expect(raw).toBeGreaterThan(pickValue("otc", target.overall) * (1 + CPU_TRADE_MARGIN));
    state = run(state, offer("CHI", target.team_id, late, [target.overall], { giveFuture: futures }));
    expect(lastTrade(state)).toMatchObject({ status: "rejected", reason: "below_value" });
    expect(state.order[target.overall - 1]!.team_id).toBe(target.team_id);
  });

  test("however offers are split, every trade a CPU GM accepts gains it value by its own chart, past its margin", () => {
    // 400 seeded random offers to the CPU clubs on every chart; each club's holdings by the chart never fall
    for (const chart of CHARTS) {
      let state = run(smallState({ settings: { tradeChart: chart, cpuTradeOffers: false } }), { type: "start" });
      const rng = rngFor(7, "exploit-fuzz", chart);
      const pickOf = <T>(items: readonly T[]) => items[Math.floor(rng() * items.length)]!;
      const holding = (teamId: string) =>
        state.order
          .filter((s) => s.team_id === teamId && s.overall > state.picks.length)
          .reduce((sum, s) => sum + pickValue(chart, s.overall), 0) +
        state.future_picks
          .filter((p) => p.owner_team_id === teamId)
          .reduce((sum, p) => sum + futurePickValue(chart, p, 4), 0);
      let accepted = 0;
      for (let i = 0; i < 100; i++) {
        const from = pickOf(["KC", "NYJ"]);
        const to = pickOf(["BUF", "MIA"]);
        const owned = (team: string) => state.order.filter((s) => s.team_id === team).map((s) => s.overall);
        const ownedFuture = (team: string) =>
          state.future_picks.filter((p) => p.owner_team_id === team).map(({ owner_team_id: _, ...p }) => p);
        const some = <T>(items: T[], max: number) => items.filter(() => rng() < max / Math.max(1, items.length));
        const give = some(owned(from), 2);
        const giveFuture = some(ownedFuture(from), 3).slice(0, 7);
        const receive = some(owned(to), 1);
        const receiveFuture = some(ownedFuture(to), 1).slice(0, 7);
        const before = holding(to);
        const decision = decide(state, offer(from, to, give, receive, { giveFuture, receiveFuture }), T0);
        if (!decision.ok) continue;
        state = decision.value.state;
        const trade = lastTrade(state);
        if (trade.status !== "executed") continue;
        accepted++;
        expect(trade.value!.give).toBeGreaterThanOrEqual(trade.value!.receive * (1 + CPU_TRADE_MARGIN) - 0.01);
        expect(holding(to)).toBeGreaterThan(before);
      }
      expect(accepted).toBeGreaterThan(0);
    }
  });
});

describe("shop the pick", () => {
  const started = () => run(smallState({ cpuDelayMs: 0 }), { type: "start" });

  test("the team on the clock gets offers from the CPU clubs, each accepted in one step", () => {
    const state = started();
    const outcome = must(decide(state, { type: "shop_pick", actor: { kind: "team", teamId: "KC" }, teamId: "KC" }, T0));
    const offers = outcome.events.flatMap((e) => (e.type === "trade_proposed" ? [e.payload.trade] : []));
    expect(offers.length).toBeGreaterThan(0);
    expect(offers.length).toBeLessThanOrEqual(3);
    expect(outcome.events.every((e) => e.type === "trade_proposed")).toBe(true);
    for (const trade of offers) {
      expect(trade).toMatchObject({ to_team_id: "KC", receive: [1], status: "pending" });
      expect(["BUF", "MIA"]).toContain(trade.from_team_id);
      // the club moving up pays at least the pick's worth with a GM's margin, and at most 25% more
      expect(trade.value!.give).toBeGreaterThanOrEqual(trade.value!.receive);
      expect(trade.value!.give).toBeLessThanOrEqual(trade.value!.receive * (1 + MAX_MOVE_UP_PREMIUM) + 0.01);
    }
    const first = offers[0]!;
    const after = run(outcome.state, answer("KC", first.trade_id, true));
    expect(after.trades.find((t) => t.trade_id === first.trade_id)!.status).toBe("executed");
    expect(after.order[0]!.team_id).toBe(first.from_team_id);
    // the other offers for pick 1 could no longer execute: they expire
    expect(after.trades.filter((t) => t.status === "pending")).toHaveLength(0);
  });

  test("shopping again brings no second offer from a club whose offer is still open", () => {
    const once = must(
      decide(started(), { type: "shop_pick", actor: { kind: "team", teamId: "KC" }, teamId: "KC" }, T0),
    ).state;
    const twice = must(decide(once, { type: "shop_pick", actor: { kind: "team", teamId: "KC" }, teamId: "KC" }, T0));
    expect(twice.events).toHaveLength(0);
  });

  test("only the team on the clock, by its seat or an admin, while the draft runs", () => {
    const state = started();
    expect(rejection(state, { type: "shop_pick", actor: { kind: "team", teamId: "NYJ" }, teamId: "KC" }).code).toBe(
      "forbidden",
    );
    expect(rejection(state, { type: "shop_pick", actor: { kind: "team", teamId: "NYJ" }, teamId: "NYJ" }).code).toBe(
      "conflict",
    );
    expect(decide(state, { type: "shop_pick", actor: { kind: "admin" }, teamId: "KC" }, T0).ok).toBe(true);
    expect(rejection(smallState(), { type: "shop_pick", actor: { kind: "admin" }, teamId: "KC" }).code).toBe(
      "invalid_state",
    );
  });

  test("the same state shops the same offers", () => {
    const a = must(decide(started(), { type: "shop_pick", actor: { kind: "admin" }, teamId: "KC" }, T0)).events;
    const b = must(decide(started(), { type: "shop_pick", actor: { kind: "admin" }, teamId: "KC" }, T0)).events;
    expect(a).toEqual(b);
  });
});

describe("CPU-to-CPU trades in the engine", () => {
  test("off unless the session turns them on (the engine's default)", () => {
    expect(smallConfig().settings.cpuTrades).toBeUndefined();
    // an all-CPU small draft with the option off makes no trade at all
    let state = run(initialState(smallConfig({ humans: [], cpuDelayMs: 0 })), { type: "start" });
    while (state.status === "running") state = run(state, { type: "tick" });
    expect(state.trades).toHaveLength(0);
  });
});
