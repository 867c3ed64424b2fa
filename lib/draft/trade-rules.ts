// Which trades are possible, what they are worth on the session's chart, and
// how a CPU GM answers one. Pure: no I/O, no randomness.
import type { FuturePick, Slot, Trade, TradeTerms } from "../protocol/shapes";
import { reject, type Decision } from "./errors";
import { futureKey, futureOwner } from "./future-picks";
import { DEFAULT_TRADE_CHART, futurePickValue, isTradeChart, pickValue, type TradeChart } from "./trade-value";
import type { DraftState } from "./types";

/** A CPU GM wants this much more value than it gives before it says yes. */
export const CPU_TRADE_MARGIN = 0.05;
/**
 * Quantity discount: a CPU GM counts the picks it receives best first; the
 * first as many as it gives count in full, each one beyond that at this factor
 * times the one before (0.8, 0.64, 0.51…). However a package is split, ten
 * small picks are worth at most five of the best of them, never a first-rounder.
 */
export const QUANTITY_DISCOUNT = 0.8;
/** A received pick worth less than this share of the best pick the CPU gives is filler and counts nothing. */
export const FILLER_SHARE = 0.05;
/** The side moving up pays at most this much more than it gets (v2: 0–25%). */
export const MAX_MOVE_UP_PREMIUM = 0.25;

export function chartOf(state: DraftState): TradeChart {
  const chart = state.config.settings.tradeChart;
  return isTradeChart(chart) ? chart : DEFAULT_TRADE_CHART;
}

/** A pick is used once a player was taken with it: picks are made in overall order. */
export const isUsed = (state: DraftState, overall: number) => overall <= state.picks.length;

const seasonName = (offset: number) => (offset === 1 ? "next year's" : "the following year's");
export const describeFuturePick = (pick: FuturePick) =>
  `${seasonName(pick.season_offset)} round ${pick.round} pick of ${pick.original_team_id}`;

/** Why `teamId` cannot trade these picks, or null when it owns them all and none is used. */
export function packageProblem(
  state: DraftState,
  teamId: string,
  overalls: readonly number[],
  futures: readonly FuturePick[] = [],
): Decision<never> | null {
  for (const overall of overalls) {
    const slot = state.order[overall - 1];
    if (!slot) return reject("not_found", `there is no pick ${overall} in this draft`);
    if (isUsed(state, overall)) return reject("conflict", `pick ${overall} has already been used`);
    if (slot.team_id !== teamId) return reject("conflict", `pick ${overall} is not owned by ${teamId}`);
  }
  for (const pick of futures) {
    const owner = futureOwner(state.future_picks, pick);
    if (owner === undefined) return reject("not_found", `there is no ${describeFuturePick(pick)} in this session`);
    if (owner !== teamId) return reject("conflict", `${describeFuturePick(pick)} is not owned by ${teamId}`);
  }
  return null;
}

/** Why these terms are malformed (a pick listed twice, more than seven future picks a side, nothing moving), or null. */
export function termsProblem(terms: TradeTerms): Decision<never> | null {
  if (new Set([...terms.give, ...terms.receive]).size !== terms.give.length + terms.receive.length)
    return reject("invalid_payload", "a pick is listed twice");
  const futures = [...terms.give_future, ...terms.receive_future].map(futureKey);
  if (new Set(futures).size !== futures.length) return reject("invalid_payload", "a future pick is listed twice");
  if (terms.give_future.length > 7 || terms.receive_future.length > 7)
    return reject("invalid_payload", "at most 7 future picks on each side of a trade");
  if (terms.give.length + terms.receive.length + futures.length === 0)
    return reject("invalid_payload", "at least one side of a trade must give something");
  return null;
}

/** A future pick's value on the session's chart (trade-value.ts states the convention). */
export function futureValue(state: DraftState, pick: FuturePick): number {
  return futurePickValue(chartOf(state), pick, state.config.pool.teams.length);
}

/** The chart value of each pick on one side of a trade. */
export function sideValues(
  state: DraftState,
  overalls: readonly number[],
  futures: readonly FuturePick[] = [],
): number[] {
  const chart = chartOf(state);
  return [...overalls.map((overall) => pickValue(chart, overall)), ...futures.map((pick) => futureValue(state, pick))];
}

const total = (values: readonly number[]) => Math.round(values.reduce((sum, v) => sum + v, 0) * 100) / 100;

/** A trade's terms with all four lists present. */
export const termsOf = (trade: Omit<Trade, "value" | "status">): TradeTerms => ({
  give: trade.give,
  receive: trade.receive,
  give_future: trade.give_future ?? [],
  receive_future: trade.receive_future ?? [],
});

/** The trade as pending, valued on the session's chart; the future lists appear only when not empty. */
export function valuedTrade(state: DraftState, trade: Omit<Trade, "value" | "status">): Trade {
  const { give_future: _give, receive_future: _receive, ...rest } = trade;
  const terms = termsOf(trade);
  return {
    ...rest,
    ...(terms.give_future.length > 0 ? { give_future: terms.give_future } : {}),
    ...(terms.receive_future.length > 0 ? { receive_future: terms.receive_future } : {}),
    status: "pending",
    value: {
      chart: chartOf(state),
      give: total(sideValues(state, terms.give, terms.give_future)),
      receive: total(sideValues(state, terms.receive, terms.receive_future)),
    },
  };
}

/**
 * What picks worth `received` are worth to a CPU GM that gives picks worth
 * `given` for them: best first, filler dropped, and each pick beyond as many
 * as it gives discounted (QUANTITY_DISCOUNT). Never more than their chart sum.
 */
export function cpuWorth(received: readonly number[], given: readonly number[]): number {
  const floor = FILLER_SHARE * Math.max(0, ...given);
  const counted = received.filter((value) => value >= floor).sort((a, b) => b - a);
  let worth = 0;
  let factor = 1;
  counted.forEach((value, i) => {
    if (i >= Math.max(1, given.length)) factor *= QUANTITY_DISCOUNT;
    worth += value * factor;
  });
  return worth;
}

/** Would a CPU GM giving picks worth `given` take picks worth `received`: their worth to it beats what it gives by its margin. */
export function cpuAcceptsValues(received: readonly number[], given: readonly number[]): boolean {
  return cpuWorth(received, given) >= total(given) * (1 + CPU_TRADE_MARGIN);
}

/** The CPU team receiving an offer (its to_team) accepts when it gains by its own chart, after its margin and discount. */
export function cpuAccepts(state: DraftState, trade: Omit<Trade, "value" | "status">): boolean {
  const terms = termsOf(trade);
  return cpuAcceptsValues(
    sideValues(state, terms.give, terms.give_future),
    sideValues(state, terms.receive, terms.receive_future),
  );
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
        packageProblem(state, trade.from_team_id, trade.give, trade.give_future) !== null ||
        packageProblem(state, trade.to_team_id, trade.receive, trade.receive_future) !== null),
  );
}
