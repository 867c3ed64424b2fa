// A team's draft grade, A+ to F, from three things a fan weighs: did its
// players come later than the board had them (value found), did they fill what
// the club needed, and did its trades win or lose value on the session's chart.
// Pure: the same picks, needs and trades always give the same grade.
import type { GRADES } from "../protocol/results";
import { pickValue, type TradeChart } from "./trade-value";

export type Grade = (typeof GRADES)[number];

/** The lowest score of each grade but F, best first (a school's scale): 97+ is A+, 93+ A, … 60+ D-, below F. */
const FLOORS: readonly [Grade, number][] = [
  ["A+", 97],
  ["A", 93],
  ["A-", 90],
  ["B+", 87],
  ["B", 83],
  ["B-", 80],
  ["C+", 77],
  ["C", 73],
  ["C-", 70],
  ["D+", 67],
  ["D", 63],
  ["D-", 60],
];

/** A draft that took every player exactly at his board rank and filled needs as CPU GMs usually do scores this: a B. */
export const PAR_SCORE = 85;
/** Points per doubling of value: a draft whose players are worth twice the picks spent on them gains 40. */
export const VALUE_POINTS = 40;
/** Points between filling none and all of the needs the team's picks could have filled. */
export const NEED_POINTS = 12;
/** The share of those needs a typical CPU GM fills (measured over seeded 2024 drafts): no points either way. */
export const NEED_PAR = 0.85;
/** Value is read between a sixteenth and sixteen times the picks spent, so one freak pick cannot run away with it. */
const VALUE_LIMIT = 16;

export interface GradeInput {
  chart: TradeChart;
  /** each pick's overall number and the drafted player's board rank */
  picks: readonly { overall: number; rank: number }[];
  /** the club's needs going in (a need may repeat), each with whether one of its picks filled it */
  needs: readonly { weight: number; filled: boolean }[];
  /** chart value won (positive) or given away (negative) in the team's executed trades */
  tradeNet: number;
}

export interface TeamGrade {
  grade: Grade;
  /** the points the grade is read from, one decimal */
  score: number;
  /** (Σ chart value of the players' board ranks + trade net) ÷ Σ chart value of the picks used */
  value: number;
  /** filled need weight ÷ the weight of the most pressing needs, as many as the team had picks; null without needs */
  need_fit: number | null;
}

export function gradeFromScore(score: number): Grade {
  return FLOORS.find(([, floor]) => score >= floor)?.[0] ?? "F";
}

/** The share of the needs a team could have filled with its number of picks that it did fill, in [0, 1]. */
export function needFit(needs: GradeInput["needs"], pickCount: number): number | null {
  const reachable = needs
    .map((need) => need.weight)
    .sort((a, b) => b - a)
    .slice(0, pickCount)
    .reduce((sum, weight) => sum + weight, 0);
  if (reachable <= 0) return null;
  const filled = needs.filter((need) => need.filled).reduce((sum, need) => sum + need.weight, 0);
  return Math.min(1, filled / reachable);
}

/** A team's grade; null for a team that made no pick (the contract grades only teams that picked). */
export function gradeTeam({ chart, picks, needs, tradeNet }: GradeInput): TeamGrade | null {
  if (picks.length === 0) return null;
  const spent = picks.reduce((sum, pick) => sum + pickValue(chart, pick.overall), 0);
  const found = picks.reduce((sum, pick) => sum + pickValue(chart, Math.max(1, pick.rank)), 0) + tradeNet;
  const value = Math.min(VALUE_LIMIT, Math.max(1 / VALUE_LIMIT, found / spent));
  const fit = needFit(needs, picks.length);
  const score = PAR_SCORE + VALUE_POINTS * Math.log2(value) + (fit === null ? 0 : NEED_POINTS * (fit - NEED_PAR));
  const rounded = Math.round(score * 10) / 10;
  return {
    grade: gradeFromScore(rounded),
    score: rounded,
    value: Math.round(value * 1000) / 1000,
    need_fit: fit === null ? null : Math.round(fit * 1000) / 1000,
  };
}
