// The import rules of PROTOCOL.md v2 ("Imported draft classes"), one at a time:
// what a good file becomes, and every problem a bad one has, with its line.
import type { ErrorIssue } from "../../protocol/errors";
import { planPoolImport, type ImportPlan, type PlanResult } from "./plan-import";
import { bundledReferences, exampleFile } from "./test-references";

const refs = bundledReferences();
const plan = (body: unknown) => planPoolImport(body, refs);

function planned(result: PlanResult): ImportPlan {
  if (!result.ok) throw new Error(`expected a plan, got ${JSON.stringify(result.issues.slice(0, 5))}`);
  return result.plan;
}
function problems(result: PlanResult): ErrorIssue[] {
  if (result.ok) throw new Error("expected problems, got a plan");
  return result.issues;
}
/** A one-pick order, so a few prospects make a board big enough */
const ONE_PICK = "overall,round,team_id\n1,1,CHI";
/** "line: path → message" for each issue, to compare whole lists at once */
const brief = (issues: ErrorIssue[]) => issues.map((issue) => `${issue.line ?? "-"} ${JSON.stringify(issue.path)}`);

/** A board of n prospects at ranks 1..n, as CSV lines after a header. */
function board(n: number, header = "rank,name,position,college") {
  const positions = ["QB", "WR", "OT", "EDGE", "CB", "S", "LB", "DT", "IOL", "RB", "TE"];
  const lines = Array.from(
    { length: n },
    (_, i) => `${i + 1},Prospect ${i + 1},${positions[i % positions.length]},College ${i % 40}`,
  );
  return [header, ...lines].join("\n");
}

describe("importing a draft class: what a good file becomes", () => {
  test("the example board with the default order: 420 prospects, the bundled 2024 order, 32 clubs with needs", () => {
    const result = planned(plan({ name: "Example board", prospects_csv: exampleFile("board.csv") }));
    expect(result.prospects).toHaveLength(420);
    expect(result.order).toHaveLength(257);
    expect(result.rounds).toBe(7);
    expect(result.teams).toHaveLength(32);
    expect(result.order.slice(0, 2)).toEqual(refs.order("2024").slice(0, 2));
    expect(result.prospects.map((p) => p.rank)).toEqual(Array.from({ length: 420 }, (_, i) => i + 1));
    expect(new Set(result.prospects.map((p) => p.player_id)).size).toBe(420);
    const first = result.prospects[0]!;
    expect(first).toMatchObject({ rank: 1, player_id: expect.stringMatching(/^r1-[a-z0-9-]+$/) });
    expect(typeof first.grade).toBe("number");
    // Chicago's 2024 needs started with a quarterback: the grid says so by position
    expect(result.needs.CHI?.QB).toBe(1);
    expect(result.profiles.CHI?.[0]).toEqual({ category: "QB", weight: 1 });
    expect(result.warnings).toEqual([]);
  });

  test("a CSV with a BOM, CRLF, quoted commas, doubled quotes and a line break inside quotes reads as written", () => {
    const csv =
      '\ufeffRank,Name,POSITION,College,Notes\r\n1,"Smith, Jr., John",QB,"Texas A&M",\r\n2,Ali Ray,WR,Utah,"He said ""wow"""\r\n3,Bo Li,CB,Iowa,"two\r\nlines"\r\n';
    const result = planned(
      plan({
        name: "Quoted",
        prospects_csv: csv,
        rounds: 1,
        order_csv: "overall,round,team_id\n1,1,CHI\n2,1,WAS\n3,1,NE",
      }),
    );
    expect(result.prospects.map((p) => [p.rank, p.name, p.position, p.college, p.notes])).toEqual([
      [1, "Smith, Jr., John", "QB", "Texas A&M", undefined],
      [2, "Ali Ray", "WR", "Utah", 'He said "wow"'],
      [3, "Bo Li", "CB", "Iowa", "two\r\nlines"],
    ]);
  });

  test("positions and their aliases are stored canonically, case-insensitive", () => {
    const aliases = [
      "t",
      "G",
      "og",
      "C",
      "OL",
      "de",
      "DL",
      "IDL",
      "ILB",
      "olb",
      "SAF",
      "FS",
      "ss",
      "DB",
      "edge",
      "Fb",
      "ls",
    ];
    const csv = ["rank,name,position", ...aliases.map((pos, i) => `${i + 1},Player ${i + 1},${pos}`)].join("\n");
    const order = ["overall,round,team_id", ...aliases.map((_, i) => `${i + 1},1,CHI`)].join("\n");
    const result = planned(plan({ name: "Aliases", prospects_csv: csv, order_csv: order }));
    expect(result.prospects.map((p) => p.position)).toEqual([
      "OT",
      "IOL",
      "IOL",
      "IOL",
      "IOL",
      "EDGE",
      "DT",
      "DT",
      "LB",
      "LB",
      "S",
      "S",
      "S",
      "CB",
      "EDGE",
      "FB",
      "LS",
    ]);
  });

  test("column names in any order and case, common header aliases, unknown columns named in warnings", () => {
    const csv =
      'School,Player,Pos,Rank,Ht,Wt,40,Agent\nOhio State,Big Man,OT,1,6-5,318,5.05,nobody\nUSC,Fast Guy,WR,2,"6\'1""",190,4.38,\n';
    const result = planned(
      plan({
        name: "Headers",
        prospects_csv: csv,
        order: [
          { overall: 1, round: 1, team_id: "chi" },
          { overall: 2, round: 1, team_id: "LAR" },
        ],
      }),
    );
    expect(result.prospects.map((p) => [p.name, p.position, p.college, p.height_in, p.weight_lb, p.forty])).toEqual([
      ["Big Man", "OT", "Ohio State", 77, 318, 5.05],
      ["Fast Guy", "WR", "USC", 73, 190, 4.38],
    ]);
    expect(result.order.map((slot) => slot.team_id)).toEqual(["CHI", "LA"]);
    expect(result.warnings).toEqual([expect.stringContaining('column "Agent"')]);
  });

  test("a cell an export escaped as a formula (a leading ') reads back as the text it was", () => {
    const csv = "rank,name,position,notes\n1,'=Bad Name,QB,'-  reads the field\n2,'Tis Fine,WR,\n";
    const result = planned(
      plan({ name: "Escaped", prospects_csv: csv, order_csv: "overall,round,team_id\n1,1,CHI\n2,1,WAS" }),
    );
    expect(result.prospects.map((p) => [p.name, p.notes])).toEqual([
      ["=Bad Name", "-  reads the field"],
      ["'Tis Fine", undefined],
    ]);
  });

  test("rounds cut the order; pick_in_round counts within each round; original owners default to the team", () => {
    const result = planned(plan({ name: "Cut", prospects_csv: board(80), rounds: 2 }));
    expect(result.order).toHaveLength(refs.order("2024").filter((slot) => slot.round <= 2).length);
    const order = planned(
      plan({
        name: "Own",
        prospects_csv: board(4),
        order: [
          { overall: 1, round: 1, team_id: "NYJ" },
          { overall: 2, round: 1, team_id: "NYG", original_team_id: "LV" },
          { overall: 3, round: 2, team_id: "NYJ" },
          { overall: 4, round: 2, team_id: "NYG" },
        ],
      }),
    ).order;
    expect(order).toEqual([
      { overall: 1, round: 1, pick_in_round: 1, team_id: "NYJ", original_team_id: "NYJ" },
      { overall: 2, round: 1, pick_in_round: 2, team_id: "NYG", original_team_id: "LV" },
      { overall: 3, round: 2, pick_in_round: 1, team_id: "NYJ", original_team_id: "NYJ" },
      { overall: 4, round: 2, pick_in_round: 2, team_id: "NYG", original_team_id: "NYG" },
    ]);
  });

  test("needs: what the body sets wins, the rest comes from needs_from, clubs without a pick are ignored with a warning", () => {
    const result = planned(
      plan({
        name: "Needs",
        prospects_csv: board(40),
        rounds: 1,
        needs_from: "2021",
        needs: { chi: { edge: 0.9, QB: 0 }, NE: { DE: 0.4 } },
      }),
    );
    expect(result.needs.CHI?.EDGE).toBe(0.9);
    expect(result.needs.CHI?.QB).toBe(0);
    expect(result.needs.NE?.EDGE).toBe(0.4);
    expect(result.profiles.CHI?.some((need) => need.category === "QB")).toBe(false);
    // a club the body does not mention keeps 2021's needs, spread from groups to positions (DL → EDGE and DT)
    const jax = refs.needs("2021").JAX ?? [];
    const dl = Math.max(0, ...jax.filter((need) => need.category === "DL").map((need) => need.weight));
    expect(result.needs.JAX?.EDGE).toBeCloseTo(dl, 3);
    expect(result.needs.JAX?.DT).toBeCloseTo(dl, 3);
    const fewClubs = planned(
      plan({
        name: "Few",
        prospects_csv: board(2),
        order_csv: "overall,round,team_id\n1,1,CHI\n2,1,WAS",
        needs: { KC: { QB: 1 } },
      }),
    );
    expect(fewClubs.teams.map((team) => team.team_id)).toEqual(["CHI", "WAS"]);
    expect(fewClubs.warnings).toEqual([expect.stringContaining("KC")]);
  });
});

describe("importing a draft class: every problem, with its line", () => {
  test("each bad record is reported in file order with its 1-based line; the header is line 1", () => {
    const csv = [
      "rank,name,position,college,grade,forty",
      "1,Good One,QB,Texas,90,4.7", // line 2
      "two,Bad Rank,WR,Utah,,", // line 3
      "3,Bad Position,QB/WR,Iowa,,", // line 4
      "4,,CB,Duke,,", // line 5: no name
      "5,Too Good,S,Duke,140,3.2", // line 6: grade and forty out of range
      "1,Same Rank,RB,Navy,,", // line 7: rank 1 again
      "6,Good One,QB,Texas,,", // line 8: the same player again
    ].join("\r\n");
    const issues = problems(plan({ name: "Bad", prospects_csv: csv, order_csv: ONE_PICK }));
    expect(brief(issues)).toEqual([
      '3 ["prospects_csv",1,"rank"]',
      '4 ["prospects_csv",2,"position"]',
      '5 ["prospects_csv",3,"name"]',
      '6 ["prospects_csv",4,"grade"]',
      '6 ["prospects_csv",4,"forty"]',
      '7 ["prospects_csv",5,"rank"]',
      '8 ["prospects_csv",6,"name"]',
    ]);
    expect(issues[0]?.message).toBe('rank must be a whole number of 1 or more, not "two"');
    expect(issues[1]?.message).toMatch(/^position "QB\/WR" is not a position/);
    expect(issues[5]?.message).toBe("rank 1 is already taken by line 2; ranks must be unique");
    expect(issues[6]?.message).toBe("Good One (QB, Texas) is listed twice: also on line 2");
  });

  test("a record spanning lines is reported at the line it starts on", () => {
    const csv = 'rank,name,position,notes\n1,A,QB,"one\ntwo\nthree"\n2,B,XX,\n';
    expect(brief(problems(plan({ name: "Lines", prospects_csv: csv, order_csv: ONE_PICK })))).toEqual([
      '5 ["prospects_csv",1,"position"]',
    ]);
  });

  test("JSON prospects are named by 0-based path, without a line", () => {
    const prospects = [
      { name: "A", position: "QB", rank: 1 },
      { name: "B", position: "WR", rank: 2, weight_lb: 90 },
      { name: "C", position: "CB", rank: 2, shoe: 11 },
    ];
    const issues = problems(plan({ name: "JSON", prospects, order_csv: ONE_PICK }));
    expect(issues).toEqual([
      { path: ["prospects", 1, "weight_lb"], message: "weight_lb must be a number from 150 to 400, not 90" },
      { path: ["prospects", 2], message: "unknown field shoe" },
    ]);
  });

  test("a header missing a required column, or a field given twice, is one issue at line 1", () => {
    expect(problems(plan({ name: "x", prospects_csv: "name,position\nA,QB" }))).toEqual([
      { path: ["prospects_csv"], line: 1, message: "the header has no rank column" },
    ]);
    expect(problems(plan({ name: "x", prospects_csv: "rank,name,Pos,position\n1,A,QB,QB" }))).toEqual([
      { path: ["prospects_csv"], line: 1, message: "the column position appears twice (columns 3 and 4)" },
    ]);
  });

  test("an unclosed quote stops the file at the record where it starts", () => {
    const unclosed = problems(
      plan({ name: "x", prospects_csv: 'rank,name,position\n1,A,QB\n\n2,"B,WR\n3,C,CB\n', order_csv: ONE_PICK }),
    );
    expect(unclosed).toEqual([{ path: ["prospects_csv"], line: 4, message: expect.stringContaining("never closed") }]);
  });

  test("a record with more fields than the header is an issue; fewer means empty optional fields", () => {
    const issues = problems(
      plan({
        name: "x",
        prospects_csv: "rank,name,position,college\n1,A,QB\n2,B,WR,Smith, Jones\n",
        order_csv: ONE_PICK,
      }),
    );
    expect(issues).toEqual([
      {
        path: ["prospects_csv", 1],
        line: 3,
        message: "this record has 5 fields but the header has 4 (a comma inside a field needs quotes)",
      },
    ]);
  });

  test("an order with a gap, a repeated pick, rounds going back and an unknown club: all listed", () => {
    const order = ["overall,round,team_id", "1,1,CHI", "2,1,XYZ", "3,1,NE", "3,1,KC", "5,2,KC", "6,1,DAL"].join("\n");
    const issues = problems(plan({ name: "x", prospects_csv: board(10), order_csv: order }));
    expect(brief(issues)).toEqual([
      '3 ["order_csv",1,"team_id"]',
      '5 ["order_csv",3,"overall"]',
      '- ["order_csv"]',
      '7 ["order_csv",5,"round"]',
    ]);
    expect(issues[1]?.message).toBe("pick 3 is already on line 4");
    expect(issues[2]?.message).toBe("the order has no pick 4: overall must run from 1 to 6 with no gap");
  });

  test("a board smaller than the draft, and rounds beyond the order, are refused with what to do", () => {
    expect(problems(plan({ name: "x", prospects_csv: board(100) }))).toEqual([
      {
        path: ["prospects_csv"],
        message:
          "the board has 100 prospects but 7 rounds of the order make 257 picks: add prospects or draft fewer rounds",
      },
    ]);
    expect(problems(plan({ name: "x", prospects_csv: board(200), order_from: "2023", rounds: 5 }))).toEqual([
      { path: ["rounds"], message: "the order has 3 rounds, so rounds can be at most 3" },
    ]);
  });

  test("needs naming an unknown club, an unknown position or a value outside 0–1 are issues", () => {
    const issues = problems(
      plan({ name: "x", prospects_csv: board(40), rounds: 1, needs: { CHI: { QB: 2, XX: 0.5 }, ZZZ: { QB: 1 } } }),
    );
    expect(issues.map((issue) => issue.path)).toEqual([
      ["needs", "CHI", "QB"],
      ["needs", "CHI", "XX"],
      ["needs", "ZZZ"],
    ]);
  });

  test("the body itself: both or neither board, and unknown fields, are refused before any record is read", () => {
    expect(problems(plan({ name: "x" })).map((issue) => issue.message)).toEqual([
      "the board is missing: send prospects or prospects_csv",
    ]);
    expect(problems(plan({ name: "x", prospects: [], prospects_csv: "" })).map((issue) => issue.message)).toContain(
      "send prospects or prospects_csv, not both",
    );
    expect(
      problems(plan({ name: "", prospects_csv: board(1), extra: 1 }))
        .map((issue) => JSON.stringify(issue.path))
        .sort(),
    ).toEqual(['["name"]', "[]"]);
  });

  test("at most 100 issues are listed, and the total is counted", () => {
    const csv = ["rank,name,position", ...Array.from({ length: 150 }, (_, i) => `${i + 1},P${i},NOPE`)].join("\n");
    const result = plan({ name: "x", prospects_csv: csv, order_csv: ONE_PICK });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toHaveLength(100);
    expect(result.total).toBe(150);
    expect(result.issues[99]?.line).toBe(101);
  });

  test("more than 2,000 prospects is one issue at the first record over", () => {
    const issues = problems(plan({ name: "x", prospects_csv: board(2001) }));
    expect(issues).toEqual([
      { path: ["prospects_csv", 2000], line: 2002, message: "at most 2000 records; this is one more" },
    ]);
  });
});
