import type { Slot } from "../protocol/shapes";
import { boardScores } from "./board-score";
import type { DraftPool, NeedProfile, PoolPlayer } from "./types";

/** Index a draft class for the engine: players best first with their board scores, and by id. */
export function makePool(input: {
  id: string;
  rounds: number;
  teams: DraftPool["teams"];
  players: Omit<PoolPlayer, "boardScore">[];
  order: Slot[];
  needs?: Record<string, NeedProfile>;
}): DraftPool {
  const sorted = [...input.players].sort((a, b) => a.rank - b.rank);
  const scores = boardScores(sorted);
  const players = sorted.map((player, i) => ({ ...player, boardScore: scores[i] ?? 0 }));
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
