// Which trades are possible, what they are worth on the session's chart, and
// how a CPU GM answers one. Pure: no I/O, no randomness.
import type { Slot, Trade } from "../protocol/shapes";
import { reject, type Decision } from "./errors";
import { DEFAULT_TRADE_CHART, isTradeChart, packageValue, type TradeChart } from "./trade-value";
import type { DraftState } from "./types";

/** A CPU GM wants this much more value than it gives before it says yes. */
export const CPU_TRADE_MARGIN = 0.05;

export function chartOf(state: DraftState): TradeChart {
  const chart = state.config.settings.tradeChart;
  return isTradeChart(chart) ? chart : DEFAULT_TRADE_CHART;
}

/** A pick is used once a player was taken with it: picks are made in overall order. */
export const isUsed = (state: DraftState, overall: number) => overall <= state.picks.length;

/** Why `teamId` cannot trade these picks, or null when it owns them all and none is used. */
export function packageProblem(state: DraftState, teamId: string, overalls: readonly number[]): Decision<never> | null {
  for (const overall of overalls) {
    const slot = state.order[overall - 1];
    if (!slot) return reject("not_found", `there is no pick ${overall} in this draft`);
    if (isUsed(state, overall)) return reject("conflict", `pick ${overall} has already been used`);
    if (slot.team_id !== teamId) return reject("conflict", `pick ${overall} is not owned by ${teamId}`);
  }
  return null;
}

export function valuedTrade(state: DraftState, trade: Omit<Trade, "value" | "status">): Trade {
  const chart = chartOf(state);
  return {
    ...trade,
    status: "pending",
    value: { chart, give: packageValue(chart, trade.give), receive: packageValue(chart, trade.receive) },
  };
}

/** The CPU team receiving an offer accepts when what it gets beats what it gives by its margin. */
export function cpuAccepts(trade: Trade): boolean {
  if (!trade.value) return false;
  return trade.value.give >= trade.value.receive * (1 + CPU_TRADE_MARGIN);
}

/** The order after a trade: the proposer's picks go to the other team and back. */
export function tradedOrder(order: readonly Slot[], trade: Trade): Slot[] {
  const give = new Set(trade.give);
  const receive = new Set(trade.receive);
  return order.map((slot) =>
    give.has(slot.overall)
      ? { ...slot, team_id: trade.to_team_id }
      : receive.has(slot.overall)
        ? { ...slot, team_id: trade.from_team_id }
        : slot,
  );
}

/** Pending trades that can no longer execute: a pick in them was used or changed hands, or the draft is over. */
export function staleTrades(state: DraftState): Trade[] {
  return state.trades.filter(
    (trade) =>
      trade.status === "pending" &&
      (state.status === "complete" ||
        packageProblem(state, trade.from_team_id, trade.give) !== null ||
        packageProblem(state, trade.to_team_id, trade.receive) !== null),
  );
}
