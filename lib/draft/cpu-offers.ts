// When a human seat comes on the clock, a CPU GM may call to trade up into its
// pick, offering later picks of fair chart value. Seeded by the session's seed
// and the pick, so the same draft gets the same calls.
import type { Slot, Trade } from "../protocol/shapes";
import { resolvedSettings } from "./cpu-strategy";
import { rngFor, seededUuid, uniformFor } from "./rng";
import { chartOf, isUsed, valuedTrade } from "./trade-rules";
import { pickValue } from "./trade-value";
import type { DraftState } from "./types";

/** How often a CPU GM calls, by round; none after the fourth. */
const OFFER_CHANCE_BY_ROUND = [0.3, 0.3, 0.2, 0.1];
/** A fair offer gives at least the pick's chart value and at most this much more. */
const MAX_OVERPAY = 1.2;
const MAX_PICKS_OFFERED = 3;

const isHuman = (state: DraftState, teamId: string) =>
  state.config.teams.find((t) => t.team_id === teamId)?.controller === "human";

/** Later picks of `teamId` worth at least `target` and not much more, fewest first; null when it cannot pay. */
function fairPackage(state: DraftState, teamId: string, after: number, target: number): number[] | null {
  const chart = chartOf(state);
  const owned = state.order
    .filter((slot) => slot.team_id === teamId && slot.overall > after && !isUsed(state, slot.overall))
    .map((slot) => slot.overall);
  const offered: number[] = [];
  let value = 0;
  for (const overall of owned) {
    if (offered.length === MAX_PICKS_OFFERED) return null;
    const needed = target - value;
    // the latest remaining pick that covers the gap keeps the offer close to fair
    const closer = owned.filter((o) => o >= overall && pickValue(chart, o) >= needed).at(-1);
    if (closer !== undefined)
      return value + pickValue(chart, closer) <= target * MAX_OVERPAY ? [...offered, closer] : null;
    offered.push(overall);
    value += pickValue(chart, overall);
  }
  return null;
}

/** The offer a CPU GM makes for the human pick now on the clock, if it makes one. */
export function cpuTradeUpOffer(state: DraftState, slot: Slot): Trade | null {
  const { settings } = state.config;
  if (settings.cpuTradeOffers === false || state.status !== "running" || !isHuman(state, slot.team_id)) return null;
  const chance = OFFER_CHANCE_BY_ROUND[slot.round - 1] ?? 0;
  const { seed } = resolvedSettings(settings);
  if (uniformFor(seed, "trade-up", slot.overall) >= chance) return null;
  // at most one open offer per pick
  if (state.trades.some((t) => t.status === "pending" && t.receive.includes(slot.overall))) return null;
  const callers = state.config.teams.filter((team) => team.controller === "cpu" && team.team_id !== slot.team_id);
  if (callers.length === 0) return null;
  // callers in a seeded order: the first GM whose later picks add up to a fair price makes the call
  const rng = rngFor(seed, "trade-up-caller", slot.overall);
  const shuffled = callers.map((team) => ({ team, key: rng() })).sort((a, b) => a.key - b.key);
  const target = pickValue(chartOf(state), slot.overall);
  for (const { team } of shuffled) {
    const give = fairPackage(state, team.team_id, slot.overall, target);
    if (give)
      return valuedTrade(state, {
        trade_id: seededUuid(seed, "trade-id", slot.overall),
        from_team_id: team.team_id,
        to_team_id: slot.team_id,
        give,
        receive: [slot.overall],
      });
  }
  return null;
}
