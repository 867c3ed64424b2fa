// CPU GMs trading with each other (v2's cpu_trades), and the offers a club on
// the clock gets when it shops its pick. A CPU club moves up when the player it
// wants, at a position it needs, is about to go before its own next pick; it
// pays the pick's owner enough that the owner's GM accepts by the session's
// chart, and at most 25% more than it gets. Every draw is seeded by the
// session's seed and the pick, so the same draft makes the same trades.
import type { Slot, Trade } from "../protocol/shapes";
import { chooseCpuPick, currentNeeds, resolvedSettings } from "./cpu-strategy";
import { rngFor, seededUuid, uniformFor } from "./rng";
import { moveUpPackage } from "./trade-packages";
import { valuedTrade } from "./trade-rules";
import type { DraftState, PoolPlayer } from "./types";

/**
 * How often a CPU pick's owner takes a call, by round (none after the fifth).
 * Tuned so seeded all-CPU drafts of the 2024 class average about the real
 * frequency (REAL_DRAFT_TRADES; realism.test.ts checks it over 100 drafts).
 */
const CALL_CHANCE_BY_ROUND = [0.15, 0.26, 0.26, 0.35, 0.45];
/** How far a club moves up at most, in picks, by round. */
const MAX_JUMP_BY_ROUND = [12, 16, 20, 24, 24];
/** At most this many CPU-to-CPU deals per club per draft. */
export const MAX_CPU_DEALS_PER_TEAM = 3;
/** How many clubs, in a seeded order, a pick's owner talks to before it picks. */
const MOVERS_CALLED = 8;
/** A need counts as a positional reason to move up from this weight on (weights are in (0, 1]). */
const NEED_REASON = 0.5;

/**
 * The frequency CPU-to-CPU trades aim at, and its source. Trades made during
 * the draft whose earliest current pick was in rounds 1–5: 25 in 2021 (3 in
 * round 1) and 35 in 2023 (6 in round 1), counted by trade date from
 * nflverse/nfldata's data/trades.csv (commit 946e58a5, trade ids 1558–1583 and
 * 1737–1772; 2023's 43 trades of the whole draft weekend, players included,
 * are ESPN's record count); the 2024 first round had 5 (Yahoo Sports and
 * ESPN's trade tracker, 26 April 2024). So: 30 a draft, about 5 in round 1.
 */
export const REAL_DRAFT_TRADES = {
  perDraft: 30,
  firstRound: 5,
  source:
    "trades during the 2021 and 2023 NFL drafts involving a pick in rounds 1-5 (25 and 35; nflverse/nfldata data/trades.csv), and the 2024 first round's 5 (Yahoo Sports, ESPN trade tracker)",
} as const;

const controllerOf = (state: DraftState, teamId: string) =>
  state.config.teams.find((team) => team.team_id === teamId)?.controller;

/** Executed trades between two CPU clubs that `teamId` was part of. */
export function cpuDeals(state: DraftState, teamId: string): number {
  return state.trades.filter(
    (trade) =>
      trade.status === "executed" &&
      (trade.from_team_id === teamId || trade.to_team_id === teamId) &&
      controllerOf(state, trade.from_team_id) === "cpu" &&
      controllerOf(state, trade.to_team_id) === "cpu",
  ).length;
}

/** The player club `teamId` would take at the pick on the clock, and whether a need of its gives it a reason to move up for him. */
function targetOf(state: DraftState, teamId: string): { player: PoolPlayer; needed: boolean } | null {
  const player = chooseCpuPick(state, teamId);
  if (!player) return null;
  const needed = currentNeeds(state, teamId).some(
    (need) => need.category === player.category && need.weight >= NEED_REASON,
  );
  return { player, needed };
}

/** The CPU club's next own pick after `overall`, or null. */
function nextPickOf(state: DraftState, teamId: string, overall: number): number | null {
  return state.order.find((slot) => slot.overall > overall && slot.team_id === teamId)?.overall ?? null;
}

/**
 * The trade a CPU club makes to move up into `slot` (owned by another CPU club
 * and now on the clock), or null. Guards: cpu_trades on; rounds 1–5; a seeded
 * call chance; at most MAX_CPU_DEALS_PER_TEAM deals per club; a need at the
 * target's position; the target expected gone before the club's own next pick
 * (his board rank is earlier); the owner's GM accepts by its chart and the
 * mover pays at most 25% more.
 */
export function cpuMoveUp(state: DraftState, slot: Slot): Trade | null {
  const { settings } = state.config;
  if (settings.cpuTrades !== true || state.status !== "running") return null;
  if (controllerOf(state, slot.team_id) !== "cpu") return null;
  const chance = CALL_CHANCE_BY_ROUND[slot.round - 1] ?? 0;
  const maxJump = MAX_JUMP_BY_ROUND[slot.round - 1] ?? 0;
  const { seed } = resolvedSettings(settings);
  if (uniformFor(seed, "cpu-trade", slot.overall, state.trades.length) >= chance) return null;
  if (cpuDeals(state, slot.team_id) >= MAX_CPU_DEALS_PER_TEAM) return null;
  const rng = rngFor(seed, "cpu-trade-mover", slot.overall, state.trades.length);
  const movers = state.config.teams
    .filter((team) => team.controller === "cpu" && team.team_id !== slot.team_id)
    .map((team) => ({ teamId: team.team_id, next: nextPickOf(state, team.team_id, slot.overall), key: rng() }))
    .filter(({ next }) => next !== null && next - slot.overall <= maxJump)
    .sort((a, b) => a.key - b.key);
  // the first few clubs in the seeded order take the call; the rest never hear of it
  for (const { teamId, next } of movers.slice(0, MOVERS_CALLED)) {
    if (next === null || cpuDeals(state, teamId) >= MAX_CPU_DEALS_PER_TEAM) continue;
    const target = targetOf(state, teamId);
    // the player he wants, at a position he needs, will not last to his own pick
    if (!target || !target.needed || target.player.rank >= next) continue;
    const give = moveUpPackage(state, teamId, slot.overall, { maxJump });
    if (!give) continue;
    return valuedTrade(state, {
      trade_id: seededUuid(seed, "cpu-trade-id", slot.overall, state.trades.length),
      from_team_id: teamId,
      to_team_id: slot.team_id,
      give: give.give,
      receive: [slot.overall],
      ...(give.give_future.length > 0 ? { give_future: give.give_future } : {}),
    });
  }
  return null;
}

/** How many offers shopping a pick brings at most. */
export const SHOP_OFFERS = 3;

/**
 * Shop the pick on the clock: up to three CPU clubs offer their packages for
 * it, clubs with a need at the player they would take first, then the nearest
 * picks. Each package is one a GM would accept by the chart, paying at most 25%
 * more; a club with an offer for this pick still open does not call again.
 */
export function shopOffers(state: DraftState, slot: Slot): Trade[] {
  const { seed } = resolvedSettings(state.config.settings);
  const open = new Set(
    state.trades
      .filter((trade) => trade.status === "pending" && trade.receive.includes(slot.overall))
      .map((trade) => trade.from_team_id),
  );
  const callers = state.config.teams
    .filter((team) => team.controller === "cpu" && team.team_id !== slot.team_id && !open.has(team.team_id))
    .map((team) => ({ teamId: team.team_id, next: nextPickOf(state, team.team_id, slot.overall) }))
    .filter((caller): caller is { teamId: string; next: number } => caller.next !== null)
    .map((caller) => ({ ...caller, wants: targetOf(state, caller.teamId)?.needed === true }))
    .sort((a, b) => Number(b.wants) - Number(a.wants) || a.next - b.next);
  const offers: Trade[] = [];
  for (const { teamId } of callers) {
    if (offers.length === SHOP_OFFERS) break;
    const give = moveUpPackage(state, teamId, slot.overall);
    if (!give) continue;
    offers.push(
      valuedTrade(state, {
        trade_id: seededUuid(seed, "shop-id", slot.overall, state.trades.length + offers.length),
        from_team_id: teamId,
        to_team_id: slot.team_id,
        give: give.give,
        receive: [slot.overall],
        ...(give.give_future.length > 0 ? { give_future: give.give_future } : {}),
      }),
    );
  }
  return offers;
}
