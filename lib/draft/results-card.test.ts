import type { Results, TeamResult } from "../protocol/results";
import { CARD_PICKS, cardText, resultsCard } from "./results-card";

const player = (rank: number) => ({ player_id: `p${rank}`, name: `Player ${rank}`, position: "QB", rank });
function team(team_id: string, controller: "human" | "cpu", picks: [overall: number, rank: number][]): TeamResult {
  const graded = picks.length > 0;
  return {
    team_id,
    name: `${team_id} club`,
    controller,
    ...(graded ? { grade: "B", grade_score: 80 + picks.length } : {}),
    picks: picks.map(([overall, rank]) => ({
      overall,
      round: 1,
      pick_in_round: overall,
      team_id,
      player: player(rank),
      auto: false,
      made_at: "2026-04-24T20:00:00.000Z",
      value_vs_board: overall - rank,
    })),
    needs: [],
    board_value: 0,
    trades: { chart: "hill", count: 0, value_in: 0, value_out: 0, net: 0 },
  };
}
const results = (teams: TeamResult[], name = "Sunday mock"): Results => ({
  session_id: "00000000-0000-4000-8000-000000000001",
  name,
  status: "complete",
  teams,
});

describe("the results card", () => {
  test("shows a solo mock's one human team: its grade and its picks, the rest as a count", () => {
    const picks = Array.from({ length: CARD_PICKS + 3 }, (_, i): [number, number] => [i * 32 + 5, i * 32 + 1]);
    const card = resultsCard(results([team("KC", "cpu", [[1, 1]]), team("CHI", "human", picks)]));
    expect(card.kind).toBe("team");
    if (card.kind !== "team") return;
    expect(card.team).toEqual({ team_id: "CHI", name: "CHI club", grade: "B", human: true, detail: "value 0" });
    expect(card.picks).toHaveLength(CARD_PICKS);
    expect(card.picks[0]).toEqual({ overall: 5, name: "Player 1", position: "QB", value_vs_board: 4 });
    expect(card.more).toBe(3);
    expect(card.subtitle).toBe("Draft complete");
  });

  test("shows every graded team's grade, best first, when several people drafted", () => {
    const card = resultsCard(
      results([
        team("KC", "human", [[1, 1]]),
        team("CHI", "human", [
          [2, 2],
          [40, 40],
        ]),
        team("NYJ", "cpu", []),
      ]),
    );
    expect(card.kind).toBe("grades");
    if (card.kind !== "grades") return;
    expect(card.teams.map((t) => t.team_id)).toEqual(["CHI", "KC"]);
    expect(card.subtitle).toBe("Draft complete · 2 teams graded");
  });

  test("keeps only the text the bundled font can draw", () => {
    expect(cardText("Sunday 🏈 mock — José’s  board")).toBe("Sunday mock — José’s board");
    expect(cardText("🏈🏈", "Mock draft")).toBe("Mock draft");
    expect(resultsCard(results([], "🏈")).title).toBe("Mock draft");
  });
});
