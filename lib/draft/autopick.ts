import type { DraftState, PoolPlayer } from "./types";

/** Best available by rank: the pool is sorted best first. */
export function bestAvailable(state: DraftState): PoolPlayer | null {
  return state.config.pool.players.find((player) => !state.takenPlayerIds.has(player.player_id)) ?? null;
}

/** The first player of the team's queue nobody has taken yet. */
export function firstQueued(state: DraftState, teamId: string): PoolPlayer | null {
  const { playersById } = state.config.pool;
  for (const playerId of state.queues[teamId] ?? []) {
    const player = playersById.get(playerId);
    if (player && !state.takenPlayerIds.has(playerId)) return player;
  }
  return null;
}

/** What the clock picks for a team whose time ran out: its queue first, then the best available. */
export function chooseAutopick(state: DraftState, teamId: string): PoolPlayer | null {
  return firstQueued(state, teamId) ?? bestAvailable(state);
}

/** A CPU seat's own pick. For now the same rule as the clock; the GM strategy replaces it. */
export function chooseCpuPick(state: DraftState, teamId: string): PoolPlayer | null {
  return chooseAutopick(state, teamId);
}
