import { decide, type Outcome } from "./engine";
import type { Decision } from "./errors";
import { currentSlot } from "./reducer";
import { smallState } from "./test-fixtures";
import { packageValue, pickValue } from "./trade-value";
import type { DraftCommand, DraftState } from "./types";

const T0 = Date.parse("2026-04-24T20:00:00.000Z");
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

// small pool order: 1 KC, 2 NYJ, 3 BUF, 4 MIA, 5 KC, 6 KC, 7 BUF, 8 MIA, 9 KC, 10 NYJ, 11 BUF, 12 MIA; humans KC and NYJ
const offer = (from: string, to: string, give: number[], receive: number[], tradeId = id()): DraftCommand => ({
  type: "propose_trade",
  actor: { kind: "team", teamId: from },
  tradeId,
  fromTeamId: from,
  toTeamId: to,
  give,
  receive,
});
const answer = (teamId: string, tradeId: string, accept: boolean): DraftCommand => ({
  type: "respond_trade",
  actor: { kind: "team", teamId },
  tradeId,
  accept,
});

describe("trades", () => {
  test("an offer to a human team waits, valued on the session's chart from the proposer's side", () => {
    const outcome = must(decide(smallState(), offer("KC", "NYJ", [5, 6], [2]), T0));
    expect(outcome.events).toHaveLength(1);
    expect(outcome.events[0]).toMatchObject({
      type: "trade_proposed",
      payload: { trade: { from_team_id: "KC", to_team_id: "NYJ", give: [5, 6], receive: [2], status: "pending" } },
    });
    const trade = outcome.state.trades[0]!;
    expect(trade.value).toEqual({ chart: "hill", give: packageValue("hill", [5, 6]), receive: pickValue("hill", 2) });
    const johnson = must(decide(smallState({ settings: { tradeChart: "johnson" } }), offer("KC", "NYJ", [5], [2]), T0))
      .state.trades[0]!;
    expect(johnson.value).toEqual({ chart: "johnson", give: 1700, receive: 2600 });
  });

  test("accepting executes the trade and changes the order for everyone at once", () => {
    const tradeId = id();
    let state = run(smallState(), offer("KC", "NYJ", [5, 6], [2], tradeId));
    const outcome = must(decide(state, answer("NYJ", tradeId, true), T0));
    expect(outcome.events[0]).toMatchObject({
      type: "trade_executed",
      payload: { trade: { trade_id: tradeId, status: "executed" } },
    });
    state = outcome.state;
    expect(state.order.map((s) => s.team_id)).toEqual([
      "KC",
      "KC",
      "BUF",
      "MIA",
      "NYJ",
      "NYJ",
      "BUF",
      "MIA",
      "KC",
      "NYJ",
      "BUF",
      "MIA",
    ]);
    expect(state.order[1]).toMatchObject({ overall: 2, team_id: "KC", original_team_id: "NYJ" });
    // every pick still has exactly one owner
    expect(state.order.map((s) => s.overall)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  });

  test("declining rejects the offer and the proposer may withdraw it, but nobody else may answer", () => {
    const declined = id();
    let state = run(smallState(), offer("KC", "NYJ", [5], [2], declined));
    expect(rejection(state, answer("BUF", declined, true)).code).toBe("forbidden");
    expect(rejection(state, answer("KC", declined, true)).code).toBe("forbidden");
    state = run(state, answer("NYJ", declined, false));
    expect(state.trades[0]!.status).toBe("rejected");
    expect(rejection(state, answer("NYJ", declined, true)).code).toBe("conflict");
    const withdrawn = id();
    state = run(state, offer("KC", "NYJ", [9], [10], withdrawn));
    state = run(state, answer("KC", withdrawn, false));
    expect(state.trades[1]!.status).toBe("rejected");
    expect(rejection(state, answer("NYJ", id(), true)).code).toBe("not_found");
  });

  test("a CPU GM accepts an offer worth more than it gives by its margin, at once", () => {
    // BUF (CPU) gives pick 3 and gets 5 + 6: far more chart value
    const outcome = must(decide(smallState(), offer("KC", "BUF", [5, 6], [3]), T0));
    expect(outcome.events.map((e) => e.type)).toEqual(["trade_proposed", "trade_executed"]);
    expect(outcome.state.order[2]!.team_id).toBe("KC");
  });

  test("a CPU GM refuses an offer below the chart value it gives", () => {
    const outcome = must(decide(smallState(), offer("KC", "BUF", [9], [3]), T0));
    expect(outcome.events.map((e) => e.type)).toEqual(["trade_proposed", "trade_rejected"]);
    expect(outcome.state.order[2]!.team_id).toBe("BUF");
    // better for the GM, but by less than its 5% margin (hill: 446.15 for 425.50): refused
    const thin = must(decide(smallState(), offer("KC", "BUF", [6], [7]), T0));
    expect(thin.events.at(-1)!.type).toBe("trade_rejected");
    // by more than the margin (467.81 for 425.50): accepted
    const clear = must(decide(smallState(), offer("KC", "BUF", [5], [7]), T0));
    expect(clear.events.at(-1)!.type).toBe("trade_executed");
  });

  test("an admin's trade between any two teams executes at once", () => {
    const admin: DraftCommand = {
      type: "propose_trade",
      actor: { kind: "admin" },
      tradeId: id(),
      fromTeamId: "BUF",
      toTeamId: "MIA",
      give: [3],
      receive: [4],
    };
    const outcome = must(decide(smallState(), admin, T0));
    expect(outcome.events.map((e) => e.type)).toEqual(["trade_executed"]);
    expect(outcome.state.order.slice(2, 4).map((s) => s.team_id)).toEqual(["MIA", "BUF"]);
  });

  test("validates the offer: own team, two different teams, real picks, owned and unused", () => {
    let state = smallState();
    expect(
      rejection(state, { ...offer("KC", "NYJ", [1], [2]), actor: { kind: "team", teamId: "NYJ" } } as DraftCommand)
        .code,
    ).toBe("forbidden");
    expect(rejection(state, offer("KC", "KC", [1], [5])).code).toBe("invalid_payload");
    expect(rejection(state, offer("KC", "ZZZ", [1], [2])).code).toBe("not_found");
    expect(rejection(state, offer("KC", "NYJ", [99], [2])).code).toBe("not_found");
    expect(rejection(state, offer("KC", "NYJ", [2], [1]))).toMatchObject({
      code: "conflict",
      message: "pick 2 is not owned by KC",
    });
    state = run(run(state, { type: "start" }), {
      type: "make_pick",
      actor: { kind: "team", teamId: "KC" },
      teamId: "KC",
      playerId: "p1",
    });
    expect(rejection(state, offer("KC", "NYJ", [1], [2]))).toMatchObject({
      code: "conflict",
      message: "pick 1 has already been used",
    });
    state = run(state, { type: "complete" });
    expect(rejection(state, offer("KC", "NYJ", [5], [2])).code).toBe("invalid_state");
  });

  test("a pending offer that includes a pick just used is rejected automatically in the same batch", () => {
    const tradeId = id();
    let state = run(run(smallState(), { type: "start" }), offer("NYJ", "KC", [2], [1], tradeId));
    const outcome = must(
      decide(state, { type: "make_pick", actor: { kind: "team", teamId: "KC" }, teamId: "KC", playerId: "p1" }, T0),
    );
    expect(outcome.events.map((e) => e.type)).toEqual(["draft_pick", "trade_rejected"]);
    state = outcome.state;
    expect(state.trades[0]!.status).toBe("rejected");
    expect(rejection(state, answer("KC", tradeId, true)).code).toBe("conflict");
  });

  test("a pending offer that includes a pick moved by another trade is rejected automatically", () => {
    const stale = id();
    let state = run(smallState(), offer("NYJ", "KC", [10], [5], stale));
    const outcome = must(
      decide(
        state,
        {
          type: "propose_trade",
          actor: { kind: "admin" },
          tradeId: id(),
          fromTeamId: "KC",
          toTeamId: "MIA",
          give: [5],
          receive: [4],
        },
        T0,
      ),
    );
    expect(outcome.events.map((e) => e.type)).toEqual(["trade_executed", "trade_rejected"]);
    state = outcome.state;
    expect(state.trades.find((t) => t.trade_id === stale)!.status).toBe("rejected");
  });

  test("trading the pick on the clock puts its new owner on the clock", () => {
    let state = run(smallState({ cpuDelayMs: 0 }), { type: "start" });
    // KC (human, on the clock at 1) sends pick 1 to BUF (CPU) for 3 and 7
    state = run(state, offer("KC", "BUF", [1], [3, 7]));
    expect(currentSlot(state)).toMatchObject({ overall: 1, team_id: "BUF" });
    state = run(state, { type: "tick" });
    expect(state.picks[0]).toMatchObject({ overall: 1, team_id: "BUF", auto: false });
  });

  test("completing the draft rejects every offer still pending", () => {
    const outcome = must(decide(run(smallState(), offer("KC", "NYJ", [5], [2])), { type: "complete" }, T0));
    expect(outcome.events.map((e) => e.type)).toEqual(["session_update", "trade_rejected"]);
  });
});
