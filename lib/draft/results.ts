// A draft's results per team: what it took, which needs it filled, how much
// value it found against the board, and what its trades were worth on the chart.
import type { Pick } from "../protocol/shapes";
import { filledNeeds } from "./cpu-strategy";
import { chartOf } from "./trade-rules";
import type { DraftState } from "./types";

export interface TeamResult {
  team_id: string;
  name: string;
  picks: Pick[];
  /** the club's needs going in (a category may repeat: "two OL"), each with the player who filled it */
  needs: { category: string; weight: number; filled_by: string | null }[];
  /** Σ (pick number − player's rank): positive when players came later than their board rank */
  board_value: number;
  /** executed trades on the session's chart, from this team's side */
  trades: { chart: string; count: number; value_in: number; value_out: number; net: number };
}

const round2 = (value: number) => Math.round(value * 100) / 100;

export function summarizeResults(state: DraftState): TeamResult[] {
  const chart = chartOf(state);
  return state.config.teams.map(({ team_id, name }) => {
    const picks = state.picks.filter((pick) => pick.team_id === team_id);
    // counted as the CPU GMs count them
    const needs = filledNeeds(state, team_id).map(({ category, weight, filledBy }) => ({
      category,
      weight,
      filled_by: filledBy?.player.name ?? null,
    }));
    let count = 0;
    let valueIn = 0;
    let valueOut = 0;
    for (const trade of state.trades) {
      if (trade.status !== "executed" || !trade.value) continue;
      if (trade.from_team_id === team_id) {
        count++;
        valueIn += trade.value.receive;
        valueOut += trade.value.give;
      } else if (trade.to_team_id === team_id) {
        count++;
        valueIn += trade.value.give;
        valueOut += trade.value.receive;
      }
    }
    return {
      team_id,
      name,
      picks,
      needs,
      board_value: picks.reduce((sum, pick) => sum + (pick.overall - pick.player.rank), 0),
      trades: { chart, count, value_in: round2(valueIn), value_out: round2(valueOut), net: round2(valueIn - valueOut) },
    };
  });
}
