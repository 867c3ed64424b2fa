import { decide, type Outcome } from "./engine";
import type { Decision } from "./errors";
import { smallState } from "./test-fixtures";
import { pickValue } from "./trade-value";
import type { DraftCommand, DraftState } from "./types";

const T0 = Date.parse("2026-04-24T20:00:00.000Z");
function must(decision: Decision<Outcome>): Outcome {
  if (!decision.ok) throw new Error(decision.rejection.message);
  return decision.value;
}
// NYJ is the only human seat: KC (CPU) picks first, then NYJ comes on the clock at pick 2
const withOffers = (seed: number) => smallState({ humans: ["NYJ"], settings: { seed, cpuTradeOffers: true } });
/** Start, and let KC's CPU pick come due: the outcome of the tick that puts NYJ on the clock. */
function started(state: DraftState): Outcome {
  const running = must(decide(state, { type: "start" }, T0)).state;
  return must(decide(running, { type: "tick" }, T0 + state.config.cpuDelayMs));
}

/** The first seed whose draft brings a CPU call for pick 2. */
function seedWithOffer(): number {
  for (let seed = 0; seed < 500; seed++)
    if (started(withOffers(seed)).events.some((e) => e.type === "trade_proposed")) return seed;
  throw new Error("no seed in 0..499 brings an offer");
}

describe("CPU trade-up offers", () => {
  test("a CPU GM may call when a human seat comes on the clock, offering later picks of fair chart value", () => {
    const seed = seedWithOffer();
    const { events } = started(withOffers(seed));
    const offer = events.find((e) => e.type === "trade_proposed");
    if (offer?.type !== "trade_proposed") throw new Error("no offer");
    const { trade } = offer.payload;
    expect(trade).toMatchObject({ to_team_id: "NYJ", receive: [2], status: "pending" });
    expect(["KC", "BUF", "MIA"]).toContain(trade.from_team_id);
    expect(trade.give.every((overall) => overall > 2)).toBe(true);
    expect(trade.value!.give).toBeGreaterThanOrEqual(pickValue("hill", 2));
    expect(trade.value!.give).toBeLessThanOrEqual(pickValue("hill", 2) * 1.2 + 0.01);
    expect(trade.trade_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  test("the same seed brings the same call; calls are off when the session says so", () => {
    const seed = seedWithOffer();
    expect(started(withOffers(seed)).events).toEqual(started(withOffers(seed)).events);
    const off = smallState({ humans: ["NYJ"], settings: { seed, cpuTradeOffers: false } });
    expect(started(off).events.map((e) => e.type)).toEqual(["draft_pick"]);
  });

  test("the human can accept the call, and picking instead rejects it", () => {
    const seed = seedWithOffer();
    const outcome = started(withOffers(seed));
    const trade = outcome.state.trades[0]!;
    const accepted = must(
      decide(
        outcome.state,
        { type: "respond_trade", actor: { kind: "team", teamId: "NYJ" }, tradeId: trade.trade_id, accept: true },
        T0,
      ),
    );
    expect(accepted.state.order[1]!.team_id).toBe(trade.from_team_id);
    const picked = must(
      decide(
        outcome.state,
        { type: "make_pick", actor: { kind: "team", teamId: "NYJ" }, teamId: "NYJ", playerId: "p20" },
        T0,
      ),
    );
    expect(picked.state.trades[0]!.status).toBe("rejected");
  });

  test("never more than one open offer for a pick: a CPU GM does not call when one is already open", () => {
    const twoHumans = (seed: number) =>
      smallState({ humans: ["NYJ", "MIA"], settings: { seed, cpuTradeOffers: true } });
    // a seed where, left alone, a CPU GM calls NYJ about pick 2
    const seed = Array.from({ length: 500 }, (_, s) => s).find((s) =>
      started(twoHumans(s)).events.some((e) => e.type === "trade_proposed"),
    );
    expect(seed).toBeDefined();
    // MIA (a person) has already offered for pick 2 when NYJ comes on the clock
    const lobby = twoHumans(seed!);
    const mia = lobby.order.find((slot) => slot.team_id === "MIA" && slot.overall > 2)!;
    const proposal: DraftCommand = {
      type: "propose_trade",
      actor: { kind: "team", teamId: "MIA" },
      tradeId: "00000000-0000-4000-8000-000000000001",
      fromTeamId: "MIA",
      toTeamId: "NYJ",
      give: [mia.overall],
      receive: [2],
    };
    const { events, state } = started(must(decide(lobby, proposal, T0)).state);
    expect(events.some((e) => e.type === "trade_proposed")).toBe(false);
    expect(
      state.trades.filter((t) => t.status === "pending" && t.receive.includes(2)).map((t) => t.from_team_id),
    ).toEqual(["MIA"]);
  });
});
