// How a CPU general manager picks: board value, positional value, the club's
// current needs and seeded randomness, all on one scale. Pure: the same state
// and settings always give the same pick, so a draft replays from its seed.
//
// The scale is log-rank: a bonus of b lets a club prefer a player ranked e^b
// times worse. That keeps reaches proportional (at pick 5 a need may pull rank
// 8 ahead of rank 5; at pick 150, rank 240 ahead of rank 150), which is how real
// boards behave: the top of a class is predictable, the later rounds are not.
import type { DraftPick } from "../protocol/shapes";
import { groupOf } from "./position-groups";
import { hashKeys, uniformFor } from "./rng";
import type { DraftPool, DraftState, NeedProfile, PoolPlayer, SimulatorSettings } from "./types";

// Bound once, as in rng.ts: a global lookup is slow inside Jest's vm context and
// these run for every candidate of every pick.
const { log, max, min } = Math;
const TINY = Number.MIN_VALUE;

/** What a session gets for every CPU setting it did not set (the trade chart's default is DEFAULT_TRADE_CHART). */
export const DEFAULT_SIMULATOR_SETTINGS = {
  seed: 0,
  cpuRandomness: 0.5,
  needWeight: 0.5,
} as const satisfies SimulatorSettings;

export interface ResolvedSimulatorSettings {
  seed: number;
  cpuRandomness: number;
  needWeight: number;
}

/**
 * Ranks are real pick numbers, so the league's positional values for that class
 * are already in them; these are nudges on top for the positions teams pay most
 * for (a passer, then cover players and receivers), not a second board. Linemen
 * get none: 2024's early rounds were already line-heavy and a premium there
 * pushed simulated drafts past the most linemen any recent draft took early.
 */
const POSITION_VALUE: Readonly<Record<string, number>> = { QB: 0.1, DB: 0.06, WR: 0.02 };
const MAX_POSITION_VALUE = Math.max(0, ...Object.values(POSITION_VALUE));
const SPECIALISTS: ReadonlySet<string> = new Set(["K", "P", "LS"]);
/** By round: specialists go late or not at all, whatever noise or need says (none went in rounds 1-3 of 2021, 2022 or 2024). */
const SPECIALIST_DISCOUNT = [4, 4, 3, 1, 0.5] as const;
/** Need at full weight with needWeight 1 is worth this much log-rank. */
const NEED_SCALE = 1;
/** A club that has its starter at a one-man position does not want another: negative need, before need_weight. */
const SINGLE_STARTER: ReadonlySet<string> = new Set(["QB", "K", "P", "LS"]);
const SURPLUS = 1.5;
/** cpuRandomness 1 is Gumbel noise of this scale: a pick is then a softmax over scores at this temperature. */
const NOISE_SCALE = 0.3;
/** Gumbel draws are clipped so the search can stop early with an exact bound (a draw above 6 has odds of 1 in 400). */
const GUMBEL_CAP = 6;
/** Picks by position group in rounds 1-3 of the 2021-2024 drafts: 412 picks, one of them a kicker (shared/data). */
const LEAGUE_EARLY_PICKS: Readonly<Record<string, number>> = {
  QB: 23,
  RB: 21,
  WR: 62,
  TE: 21,
  OL: 83,
  DL: 76,
  LB: 46,
  DB: 79,
};
const LEAGUE_EARLY_TOTAL = 412;
/** How far toward the league's early mix a class is pulled (share of the log gap), and at most how far. */
const MIX_PULL = 0.5;
const MIX_CAP = 0.12;

interface Decision {
  /** hash of (seed, overall, team, purpose): every random draw of this decision starts from it */
  key: number;
  overall: number;
  round: number;
  teamId: string;
  randomness: number;
  needWeight: number;
  need: ReadonlyMap<string, number>;
  /** position group → log-rank correction pulling this class's early mix toward the league's */
  mix: ReadonlyMap<string, number>;
}

/** The session's settings with the defaults filled in. */
export function resolvedSettings(settings: SimulatorSettings): ResolvedSimulatorSettings {
  return {
    seed: settings.seed ?? DEFAULT_SIMULATOR_SETTINGS.seed,
    cpuRandomness: settings.cpuRandomness ?? DEFAULT_SIMULATOR_SETTINGS.cpuRandomness,
    needWeight: settings.needWeight ?? DEFAULT_SIMULATOR_SETTINGS.needWeight,
  };
}

/**
 * The club's profile entries in profile order, each with the pick that filled
 * it (null while open). Each pick fills the most pressing open entry of its
 * category: a profile lists a category once per player wanted. The CPU GMs
 * draft by what is left open; the results page shows who filled what.
 */
export function filledNeeds(
  state: DraftState,
  teamId: string,
): { category: string; weight: number; filledBy: DraftPick | null }[] {
  const entries = (state.config.pool.needs[teamId] ?? []).map(({ category, weight }) => ({
    category,
    weight,
    filledBy: null as DraftPick | null,
  }));
  if (entries.length === 0) return entries;
  const byPressure = [...entries].sort((a, b) => b.weight - a.weight);
  const { playersById } = state.config.pool;
  for (const pick of state.picks) {
    if (pick.team_id !== teamId) continue;
    const category = playersById.get(pick.player.player_id)?.category;
    const entry = byPressure.find((need) => need.filledBy === null && need.category === category);
    if (entry) entry.filledBy = pick;
  }
  return entries;
}

/** The profile's entries this club has not filled yet (most pressing first), and the one-man positions it has filled beyond its profile. */
function openNeeds(
  state: DraftState,
  teamId: string,
): { open: { category: string; weight: number }[]; surplus: Set<string> } {
  const entries = filledNeeds(state, teamId);
  const open = entries
    .filter((need) => need.filledBy === null)
    .map(({ category, weight }) => ({ category, weight }))
    .sort((a, b) => b.weight - a.weight);
  const surplus = new Set<string>();
  if (entries.length === 0) return { open, surplus };
  const { playersById } = state.config.pool;
  for (const pick of state.picks) {
    if (pick.team_id !== teamId) continue;
    const category = playersById.get(pick.player.player_id)?.category;
    if (category !== undefined && SINGLE_STARTER.has(category)) surplus.add(category);
  }
  // a starter drafted with a second one still wanted (rare) is no surplus yet
  for (const category of surplus) if (open.some((need) => need.category === category)) surplus.delete(category);
  return { open, surplus };
}

/** Category → current need in [-SURPLUS, 1]; empty for a club without a profile, which drafts by board value. */
function needByCategory(state: DraftState, teamId: string): Map<string, number> {
  const { open, surplus } = openNeeds(state, teamId);
  const need = new Map<string, number>();
  // open is most pressing first, so the first entry of a category is its need
  for (const { category, weight } of open) if (!need.has(category)) need.set(category, weight);
  for (const category of surplus) need.set(category, -SURPLUS);
  return need;
}

/** The club's needs now, after what it has drafted in this session: most pressing first, filled ones gone. */
export function currentNeeds(state: DraftState, teamId: string): NeedProfile {
  return openNeeds(state, teamId).open.sort((a, b) => b.weight - a.weight || a.category.localeCompare(b.category));
}

/**
 * Ranks are one real draft: one sample of the league's noisy choices. A class
 * whose early rounds ran unusually heavy at a position (2024's linemen) would,
 * once noise reshuffles it, drift further from the league's usual mix; this
 * nudges each group by how far the class's first three rounds sit from it.
 */
function classMix(pool: DraftPool): Map<string, number> {
  const early = pool.order.filter((slot) => slot.round <= 3).length;
  const counts = new Map<string, number>();
  for (const player of pool.players.slice(0, early))
    counts.set(groupOf(player.category), (counts.get(groupOf(player.category)) ?? 0) + 1);
  const mix = new Map<string, number>();
  if (early === 0) return mix;
  for (const [category, picks] of Object.entries(LEAGUE_EARLY_PICKS)) {
    const inClass = counts.get(category) ?? 0;
    if (inClass === 0) continue;
    const gap = log(picks / LEAGUE_EARLY_TOTAL / (inClass / early));
    mix.set(category, max(-MIX_CAP, min(MIX_CAP, MIX_PULL * gap)));
  }
  return mix;
}

/** A class's mix depends on the pool alone: worked out once per pool, not once per pick. */
const mixByPool = new WeakMap<DraftPool, ReadonlyMap<string, number>>();
function mixOf(pool: DraftPool): ReadonlyMap<string, number> {
  let mix = mixByPool.get(pool);
  if (!mix) mixByPool.set(pool, (mix = classMix(pool)));
  return mix;
}

function decisionFor(state: DraftState, teamId: string): Decision {
  const settings = resolvedSettings(state.config.settings);
  const index = state.picks.length;
  const slot = state.order[index];
  const overall = slot?.overall ?? index + 1;
  return {
    key: hashKeys(settings.seed, overall, teamId, "cpu-pick"),
    overall,
    round: slot?.round ?? Math.ceil(overall / 32),
    teamId,
    randomness: settings.cpuRandomness * NOISE_SCALE,
    needWeight: settings.needWeight * NEED_SCALE,
    need: needByCategory(state, teamId),
    mix: mixOf(state.config.pool),
  };
}

/** Everything but noise: the part of the score an upper bound can be known for. */
function baseScore(decision: Decision, player: PoolPlayer): number {
  const group = groupOf(player.category);
  let score = player.boardScore + (POSITION_VALUE[group] ?? 0) + (decision.mix.get(group) ?? 0);
  if (SPECIALISTS.has(group)) score -= SPECIALIST_DISCOUNT[decision.round - 1] ?? 0;
  return score + decision.needWeight * (decision.need.get(player.category) ?? 0);
}

/** Keyed by the player as well as the decision, so a player's luck does not depend on who else is left. */
function noise(decision: Decision, player: PoolPlayer): number {
  if (decision.randomness === 0) return 0;
  const u = uniformFor(decision.key, player.player_id);
  const gumbel = -log(-log(max(u, TINY)));
  return decision.randomness * min(GUMBEL_CAP, max(-GUMBEL_CAP, gumbel));
}

/** How much the club on the clock wants this player right now (higher is better). */
export function scorePlayer(state: DraftState, teamId: string, player: PoolPlayer): number {
  const decision = decisionFor(state, teamId);
  return baseScore(decision, player) + noise(decision, player);
}

/** The CPU general manager's pick for the slot on the clock, or null when nobody is left. */
export function chooseCpuPick(state: DraftState, teamId: string): PoolPlayer | null {
  const decision = decisionFor(state, teamId);
  const maxPosition = MAX_POSITION_VALUE + max(0, ...decision.mix.values());
  const maxNeed = max(0, ...decision.need.values());
  const maxNoise = decision.randomness * GUMBEL_CAP;
  const headroom = maxPosition + decision.needWeight * maxNeed + maxNoise;
  let best: PoolPlayer | null = null;
  let bestScore = -Infinity;
  // players are sorted best rank first, so once even the luckiest, neediest
  // player at this rank cannot win, nobody further down can either
  for (const player of state.config.pool.players) {
    if (player.boardScore + headroom < bestScore) break;
    if (state.takenPlayerIds.has(player.player_id)) continue;
    const base = baseScore(decision, player);
    // the draw is the costly part: skip it when even the luckiest one cannot win
    if (base + maxNoise < bestScore) continue;
    const score = base + noise(decision, player);
    if (score > bestScore) {
      best = player;
      bestScore = score;
    }
  }
  return best;
}
