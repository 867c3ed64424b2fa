import { chooseCpuPick } from "./cpu-strategy";
import type { DraftState, PoolPlayer } from "./types";

/** The first player of the team's queue nobody has taken yet. */
function firstQueued(state: DraftState, teamId: string): PoolPlayer | null {
  const { playersById } = state.config.pool;
  for (const playerId of state.queues[teamId] ?? []) {
    const player = playersById.get(playerId);
    if (player && !state.takenPlayerIds.has(playerId)) return player;
  }
  return null;
}

/**
 * What the clock picks for a team whose time ran out: its queue first, then what
 * its CPU general manager would take, so an absent seat still drafts for its needs.
 */
export function chooseAutopick(state: DraftState, teamId: string): PoolPlayer | null {
  return firstQueued(state, teamId) ?? chooseCpuPick(state, teamId);
}
