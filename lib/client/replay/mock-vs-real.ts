// For a mock of a historical class: where each mock pick really went. Matched
// by player id against the real draft's session, so a player the real draft
// never took reads "undrafted" instead of a guess.
import type { DraftPick, Snapshot } from "@/lib/protocol/shapes";

export interface Comparison {
  pick: DraftPick;
  real: { overall: number; team_id: string } | null;
  /** real overall − mock overall: positive when the mock took him earlier than the NFL did */
  delta: number | null;
}

export function compareWithReal(picks: readonly DraftPick[], real: Snapshot): Comparison[] {
  const byPlayer = new Map(real.picks.map((p) => [p.player.player_id, p]));
  return picks.map((pick) => {
    const match = byPlayer.get(pick.player.player_id);
    return {
      pick,
      real: match ? { overall: match.overall, team_id: match.team_id } : null,
      delta: match ? match.overall - pick.overall : null,
    };
  });
}

/** How many mock picks landed on the same team as in reality. */
export function sameTeamCount(rows: readonly Comparison[]): number {
  return rows.filter((row) => row.real?.team_id === row.pick.team_id).length;
}
