// A draft's results per team: what it took, which needs it filled, how much
// value it found against the board, what its trades were worth on the chart,
// and the grade all of that earns (grades.ts).
import type { TeamResult } from "../protocol/results";
import type { FuturePickOwner } from "../protocol/shapes";
import { filledNeeds } from "./cpu-strategy";
import { gradeTeam } from "./grades";
import { chartOf } from "./trade-rules";
import type { DraftState } from "./types";

const round2 = (value: number) => Math.round(value * 100) / 100;

export function summarizeResults(state: DraftState): TeamResult[] {
  const chart = chartOf(state);
  return state.config.teams.map(({ team_id, name, controller }) => {
    const picks = state.picks
      .filter((pick) => pick.team_id === team_id)
      .map((pick) => ({ ...pick, value_vs_board: pick.overall - pick.player.rank }));
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
    const net = round2(valueIn - valueOut);
    const graded = gradeTeam({
      chart,
      picks: picks.map((pick) => ({ overall: pick.overall, rank: pick.player.rank })),
      needs: needs.map((need) => ({ weight: need.weight, filled: need.filled_by !== null })),
      tradeNet: net,
    });
    // next drafts' picks that moved: those it holds of other clubs, and its own another club holds
    const strip = ({ season_offset, round, original_team_id }: FuturePickOwner) => ({
      season_offset,
      round,
      original_team_id,
    });
    const gained = state.future_picks
      .filter((p) => p.owner_team_id === team_id && p.original_team_id !== team_id)
      .map(strip);
    const tradedAway = state.future_picks
      .filter((p) => p.original_team_id === team_id && p.owner_team_id !== team_id)
      .map(strip);
    return {
      team_id,
      name,
      controller,
      ...(graded ? { grade: graded.grade, grade_score: graded.score } : {}),
      picks,
      needs,
      board_value: picks.reduce((sum, pick) => sum + pick.value_vs_board, 0),
      trades: { chart, count, value_in: round2(valueIn), value_out: round2(valueOut), net },
      future_picks: { gained, traded_away: tradedAway },
    };
  });
}
