import { readBundledNeeds } from "../pools/needs-data";
import { readBundledPools } from "../pools/pool-data";
import { GRADES } from "../protocol/results";
import { gradeFromScore, gradeTeam, needFit, PAR_SCORE, type GradeInput } from "./grades";
import { makePool } from "./pool";
import { summarizeResults } from "./results";
import { simulateDraft } from "./simulate";

const input = (picks: GradeInput["picks"], extra: Partial<GradeInput> = {}): GradeInput => ({
  chart: "hill",
  picks,
  needs: [],
  tradeNet: 0,
  ...extra,
});
const gradeOf = (value: GradeInput) => gradeTeam(value)?.grade;

describe("draft grades", () => {
  test("read the school scale: 97 is A+, 96.9 an A, 60 a D-, below 60 an F", () => {
    expect(gradeFromScore(97)).toBe("A+");
    expect(gradeFromScore(96.9)).toBe("A");
    expect(gradeFromScore(90)).toBe("A-");
    expect(gradeFromScore(83)).toBe("B");
    expect(gradeFromScore(73)).toBe("C");
    expect(gradeFromScore(60)).toBe("D-");
    expect(gradeFromScore(59.9)).toBe("F");
    expect(gradeFromScore(-500)).toBe("F");
    // every letter of the contract is reachable, best first
    const reached = Array.from({ length: 61 }, (_, i) => gradeFromScore(100 - i * 0.75));
    expect([...new Set(reached)]).toEqual([...GRADES]);
  });

  test("give a team that took every player at his board rank, without needs, the par score: a B", () => {
    const team = gradeTeam(
      input([
        { overall: 3, rank: 3 },
        { overall: 40, rank: 40 },
      ]),
    );
    expect(team).toEqual({ grade: "B", score: PAR_SCORE, value: 1, need_fit: null });
  });

  test("make a steal an A+ and a reach a D or worse", () => {
    // the contract's example: a rank-5 player at #20 is +15
    expect(gradeOf(input([{ overall: 20, rank: 5 }]))).toBe("A+");
    // a rank-40 player at #10
    expect(["D+", "D", "D-", "F"]).toContain(gradeOf(input([{ overall: 10, rank: 40 }])));
    // one place either side moves the grade little
    expect(["B+", "B", "B-"]).toContain(gradeOf(input([{ overall: 10, rank: 11 }])));
    expect(["B+", "B", "B-"]).toContain(gradeOf(input([{ overall: 10, rank: 9 }])));
  });

  test("rank a draft higher the more value it found, pick for pick", () => {
    const scores = [1, 5, 10, 20, 40, 80].map((rank) => gradeTeam(input([{ overall: 20, rank }]))!.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(new Set(scores).size).toBe(scores.length);
  });

  test("weigh a pick by what the chart says it is worth: a first-round reach costs more than a seventh-round one", () => {
    const early = gradeTeam(
      input([
        { overall: 5, rank: 25 },
        { overall: 220, rank: 220 },
      ]),
    )!;
    const late = gradeTeam(
      input([
        { overall: 5, rank: 5 },
        { overall: 220, rank: 240 },
      ]),
    )!;
    expect(late.score).toBeGreaterThan(early.score);
  });

  test("reward filling the most pressing needs over leaving them open", () => {
    const picks = [
      { overall: 10, rank: 10 },
      { overall: 42, rank: 42 },
    ];
    const needs = (filled: boolean[]) => [
      { weight: 1, filled: filled[0] ?? false },
      { weight: 0.6, filled: filled[1] ?? false },
      { weight: 0.3, filled: filled[2] ?? false },
    ];
    const all = gradeTeam(input(picks, { needs: needs([true, true]) }))!;
    const some = gradeTeam(input(picks, { needs: needs([false, true, true]) }))!;
    const none = gradeTeam(input(picks, { needs: needs([false, false, false]) }))!;
    expect(all.need_fit).toBe(1);
    expect(some.need_fit).toBeCloseTo(0.9 / 1.6, 3);
    expect(none.need_fit).toBe(0);
    expect(all.score).toBeGreaterThan(some.score);
    expect(some.score).toBeGreaterThan(none.score);
  });

  test("judge needs by what the team's number of picks could fill", () => {
    // one pick can fill one need: filling the top one is all it could do
    expect(
      needFit(
        [
          { weight: 1, filled: true },
          { weight: 0.8, filled: false },
        ],
        1,
      ),
    ).toBe(1);
    expect(needFit([], 3)).toBeNull();
  });

  test("count chart value won or given away in trades", () => {
    const picks = [{ overall: 10, rank: 10 }];
    const won = gradeTeam(input(picks, { tradeNet: 150 }))!.score;
    const even = gradeTeam(input(picks))!.score;
    const lost = gradeTeam(input(picks, { tradeNet: -150 }))!.score;
    expect(won).toBeGreaterThan(even);
    expect(even).toBeGreaterThan(lost);
    // giving away more than everything drafted is floored, not a crash
    expect(gradeOf(input(picks, { tradeNet: -10_000 }))).toBe("F");
  });

  test("grade no team that made no pick", () => {
    expect(gradeTeam(input([]))).toBeNull();
  });

  test("spread CPU GMs' real drafts across the scale, centred on B", () => {
    const data = readBundledPools().find((pool) => pool.pool === "2024")!;
    const pool = makePool({ ...data, id: data.pool, needs: readBundledNeeds()[data.pool] ?? {} });
    const grades = [1, 2, 3].flatMap((seed) =>
      summarizeResults(simulateDraft(pool, { rounds: 3, seed })).map((team) => team.grade!),
    );
    const index = grades.map((grade) => GRADES.indexOf(grade)).sort((a, b) => a - b);
    const median = GRADES[index[Math.floor(index.length / 2)]!];
    console.log(`CPU grades over 3 three-round 2024 drafts: median ${median}, ${new Set(grades).size} letters`);
    expect(["B+", "B", "B-"]).toContain(median);
    expect(new Set(grades).size).toBeGreaterThanOrEqual(6);
  });
});
