import { TRADE_VALUES } from "./trade-value-data";

export type TradeChart = keyof typeof TRADE_VALUES;
export const DEFAULT_TRADE_CHART: TradeChart = "hill";

export function isTradeChart(name: string | undefined): name is TradeChart {
  return name !== undefined && name in TRADE_VALUES;
}

/** A pick's value on a chart; picks past the chart's 256 (the last few of a long draft) are worth its last value. */
export function pickValue(chart: TradeChart, overall: number): number {
  const values = TRADE_VALUES[chart];
  return values[Math.min(overall, values.length) - 1] ?? 0;
}

export function packageValue(chart: TradeChart, overalls: readonly number[]): number {
  return Math.round(overalls.reduce((sum, overall) => sum + pickValue(chart, overall), 0) * 100) / 100;
}

/**
 * The convention for a future pick's chart value (v2): a pick `season_offset`
 * drafts away is worth the middle pick of the round that many rounds below
 * its own, so next year's first-rounder is valued like the middle pick of
 * this year's second round (pick 48 of a 32-team draft), next year's
 * second-rounder like the middle of the third, and a first-rounder two drafts
 * away like the middle of the third. Nobody knows yet where the pick will
 * fall, and a club pays a round's worth for having to wait. Rounds past the
 * chart's end are worth its last value, as for the last picks of a long draft.
 */
export const FUTURE_PICK_CONVENTION =
  "a future pick is valued like the middle pick of the round season_offset rounds below its own on the session's chart: next year's first-rounder like the middle pick of this year's second round";

/** The current-draft pick a future pick is valued like: the middle of round (round + season_offset), for `teams` clubs. */
export function futurePickEquivalent(pick: { season_offset: number; round: number }, teams: number): number {
  return (pick.round + pick.season_offset - 1) * teams + Math.ceil(teams / 2);
}

export function futurePickValue(
  chart: TradeChart,
  pick: { season_offset: number; round: number },
  teams: number,
): number {
  return pickValue(chart, futurePickEquivalent(pick, teams));
}
