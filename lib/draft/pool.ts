import type { Slot } from "../protocol/shapes";
import type { DraftPool, NeedProfile, PoolPlayer } from "./types";

/** Index a draft class for the engine: players best first, and by id. */
export function makePool(input: {
  id: string;
  rounds: number;
  teams: DraftPool["teams"];
  players: PoolPlayer[];
  order: Slot[];
  needs?: Record<string, NeedProfile>;
}): DraftPool {
  const players = [...input.players].sort((a, b) => a.rank - b.rank);
  return {
    id: input.id,
    rounds: input.rounds,
    teams: input.teams,
    players,
    playersById: new Map(players.map((player) => [player.player_id, player])),
    order: [...input.order].sort((a, b) => a.overall - b.overall),
    needs: input.needs ?? {},
  };
}
