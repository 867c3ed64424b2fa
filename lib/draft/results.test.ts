import { decide } from "./engine";
import { summarizeResults } from "./results";
import { smallPool, smallState } from "./test-fixtures";
import { makePool } from "./pool";
import type { DraftCommand, DraftState } from "./types";

const T0 = Date.parse("2026-04-24T20:00:00.000Z");
function run(state: DraftState, command: DraftCommand): DraftState {
  const decision = decide(state, command, T0);
  if (!decision.ok) throw new Error(decision.rejection.message);
  return decision.value.state;
}
const pick = (teamId: string, playerId: string): DraftCommand => ({
  type: "make_pick",
  actor: { kind: "admin" },
  teamId,
  playerId,
});

describe("draft results", () => {
  test("sum each team's value against the board, its needs filled and its trades on the chart", () => {
    const base = smallPool();
    const pool = makePool({
      ...base,
      needs: {
        KC: [
          { category: "QB", weight: 1 },
          { category: "WR", weight: 0.5 },
          { category: "QB", weight: 0.2 },
        ],
      },
    });
    let state = smallState({ pool });
    // KC sends pick 5 to NYJ for pick 2 (commissioner trade), then KC takes p7 (a QB ranked 7) at 1 and p2 (WR, rank 2) at 2
    state = run(state, {
      type: "propose_trade",
      actor: { kind: "admin" },
      tradeId: "00000000-0000-4000-8000-000000000009",
      fromTeamId: "KC",
      toTeamId: "NYJ",
      give: [5],
      receive: [2],
    });
    state = run(state, { type: "start" });
    state = run(state, pick("KC", "p7"));
    state = run(state, pick("KC", "p2"));
    const results = summarizeResults(state);
    const kc = results.find((r) => r.team_id === "KC")!;
    expect(kc.picks.map((p) => p.overall)).toEqual([1, 2]);
    expect(kc.board_value).toBe(1 - 7 + (2 - 2));
    expect(kc.needs).toEqual([
      { category: "QB", weight: 1, filled_by: "Player 7" },
      { category: "WR", weight: 0.5, filled_by: "Player 2" },
      { category: "QB", weight: 0.2, filled_by: null },
    ]);
    // hill chart: pick 2 is worth 717.17, pick 5 467.81
    expect(kc.trades).toEqual({ chart: "hill", count: 1, value_in: 717.17, value_out: 467.81, net: 249.36 });
    const nyj = results.find((r) => r.team_id === "NYJ")!;
    expect(nyj.trades.net).toBeCloseTo(-kc.trades.net, 2);
    expect(results.find((r) => r.team_id === "BUF")!.trades.count).toBe(0);
  });

  test("give each pick its value against the board and grade every team that picked, only those", () => {
    let state = smallState();
    state = run(state, { type: "start" });
    // KC reaches for p7 at 1; NYJ gets p1 at 2 (a steal of one place)
    state = run(state, pick("KC", "p7"));
    state = run(state, pick("NYJ", "p1"));
    const results = summarizeResults(state);
    const kc = results.find((r) => r.team_id === "KC")!;
    const nyj = results.find((r) => r.team_id === "NYJ")!;
    expect(kc.picks.map((p) => p.value_vs_board)).toEqual([1 - 7]);
    expect(nyj.picks.map((p) => p.value_vs_board)).toEqual([2 - 1]);
    expect(kc.grade).toBeDefined();
    expect(nyj.grade).toBeDefined();
    expect(nyj.grade_score!).toBeGreaterThan(kc.grade_score!);
    for (const team of results.filter((r) => r.picks.length === 0)) {
      expect(team.grade).toBeUndefined();
      expect(team).not.toHaveProperty("grade_score");
    }
    expect(results.filter((r) => r.picks.length === 0).length).toBeGreaterThan(0);
  });
});
