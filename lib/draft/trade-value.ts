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
