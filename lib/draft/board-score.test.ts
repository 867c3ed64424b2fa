import { boardScores } from "./board-score";

const ranks = (n: number) => Array.from({ length: n }, (_, i) => ({ rank: i + 1 }));
const gaps = (scores: number[]) => scores.slice(1).map((score, i) => (scores[i] ?? 0) - score);

describe("board scores", () => {
  test("without grades, a player's score is -log(rank), whatever gaps the ranks have", () => {
    const players = [{ rank: 1 }, { rank: 2 }, { rank: 5 }, { rank: 40 }];
    expect(boardScores(players)).toEqual(players.map((p) => -Math.log(p.rank)));
  });

  test("a tier break (a grade gap much wider than its neighbours') separates two players far more than one rank does", () => {
    // grades fall 0.2 a rank, but 6 points between rank 10 and rank 11
    const players = ranks(30).map((p) => ({ ...p, grade: 90 - 0.2 * (p.rank - 1) - (p.rank > 10 ? 6 : 0) }));
    const withGrades = gaps(boardScores(players));
    const byRank = gaps(boardScores(ranks(30)));
    const across = withGrades[9] ?? 0;
    console.log(
      `score gap across the tier break (rank 10 → 11): ${across.toFixed(3)} with grades, ${(byRank[9] ?? 0).toFixed(3)} by rank alone; the next gap ${(withGrades[10] ?? 0).toFixed(3)}`,
    );
    expect(across).toBeGreaterThan(4 * (byRank[9] ?? 0));
    expect(across).toBeGreaterThan(10 * (withGrades[10] ?? 0));
    expect(across).toBeGreaterThan(10 * (withGrades[8] ?? 0));
  });

  test("the same total fall as by rank, so the board sits on the scale needs and noise are calibrated to", () => {
    const players = ranks(200).map((p) => ({ ...p, grade: 95 - 0.25 * p.rank }));
    const scores = boardScores(players);
    const total = (scores[0] ?? 0) - (scores.at(-1) ?? 0);
    expect(total).toBeGreaterThan(0.8 * Math.log(200));
    expect(total).toBeLessThan(1.2 * Math.log(200));
  });

  test("scores never rise down the board, even where a grade does, and equal grades still follow the board's order", () => {
    const players = ranks(12).map((p) => ({
      ...p,
      grade: [90, 92, 85, 85, 85, 85, 80, 81, 79, 70, 70, 60][p.rank - 1],
    }));
    const scoreGaps = gaps(boardScores(players));
    expect(scoreGaps.every((gap) => gap > 0)).toBe(true);
  });

  test("a missing grade reads off its graded neighbours", () => {
    const graded = boardScores([
      { rank: 1, grade: 90 },
      { rank: 2, grade: 85 },
      { rank: 3, grade: 80 },
      { rank: 4, grade: 60 },
    ]);
    const oneMissing = boardScores([
      { rank: 1, grade: 90 },
      { rank: 2 },
      { rank: 3, grade: 80 },
      { rank: 4, grade: 60 },
    ]);
    expect(oneMissing.map((s) => s.toFixed(9))).toEqual(graded.map((s) => s.toFixed(9)));
  });
});
