// The CPU general managers on an imported board (examples/board.csv: 420
// made-up prospects with grades, the real 2024 order, 2024's club needs by
// position), over many seeded drafts through the real engine. Each check
// prints its figure beside the bundled class's realism suite (realism.test.ts).
import { planPoolImport, type ImportPlan } from "../pools/import/plan-import";
import { bundledReferences, exampleFile } from "../pools/import/test-references";
import { groupOf } from "./position-groups";
import { makePool } from "./pool";
import { simulateDraft } from "./simulate";
import type { DraftPool, DraftState } from "./types";

const DRAFTS = 100;
const refs = bundledReferences();

function importPool(body: Record<string, unknown>): DraftPool {
  const result = planPoolImport({ name: "Example board", prospects_csv: exampleFile("board.csv"), ...body }, refs);
  if (!result.ok) throw new Error(JSON.stringify(result.issues.slice(0, 3)));
  const plan: ImportPlan = result.plan;
  return makePool({
    id: "p_example",
    rounds: plan.rounds,
    teams: plan.teams,
    needs: plan.profiles,
    players: plan.prospects.map((p) => ({ ...p, category: p.position })),
    order: plan.order,
  });
}

const pool = importPool({});
const mean = (values: readonly number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
const fixed = (n: number) => n.toFixed(2);
const groupOfPick = (state: DraftState, overall: number) => {
  const pick = state.picks[overall - 1];
  return pick ? groupOf(pool.playersById.get(pick.player.player_id)?.category ?? "?") : "?";
};

let drafts: DraftState[] = [];
beforeAll(() => {
  drafts = Array.from({ length: DRAFTS }, (_, i) => simulateDraft(pool, { rounds: 7, seed: i + 1 }));
});

describe(`CPU general managers over ${DRAFTS} seeded drafts of an imported 420-prospect board`, () => {
  test("every draft makes all 257 picks, none twice, and leaves 163 prospects", () => {
    for (const state of drafts) {
      expect(state.picks).toHaveLength(257);
      expect(new Set(state.picks.map((pick) => pick.player.player_id)).size).toBe(257);
      expect(pool.players.length - state.takenPlayerIds.size).toBe(163);
    }
  });

  test("the first round follows the top of the board: on average at least 24 of the board's top 32 go in it", () => {
    const kept = drafts.map((state) => state.picks.slice(0, 32).filter((pick) => pick.player.rank <= 32).length);
    const latest = drafts.map((state) => Math.max(...state.picks.slice(0, 32).map((pick) => pick.player.rank)));
    console.log(
      `top-32 prospects taken in round 1: mean ${fixed(mean(kept))} of 32 (fewest ${Math.min(...kept)}); latest-ranked first-rounder: median ${[...latest].sort((a, b) => a - b)[DRAFTS / 2]}, worst ${Math.max(...latest)}`,
    );
    expect(mean(kept)).toBeGreaterThanOrEqual(24);
    expect(Math.min(...kept)).toBeGreaterThanOrEqual(20);
  });

  test("the late rounds still choose among many: round 7's picks spread over a wide range of ranks", () => {
    const spreads = drafts.map((state) => {
      const ranks = state.picks.filter((pick) => pick.round === 7).map((pick) => pick.player.rank);
      return Math.max(...ranks) - Math.min(...ranks);
    });
    const reaches = drafts.flatMap((state) =>
      state.picks.filter((pick) => pick.round === 7).map((pick) => pick.player.rank - pick.overall),
    );
    console.log(
      `round 7: spread of ranks taken, mean ${fixed(mean(spreads))}; rank minus pick number, mean ${fixed(mean(reaches))}`,
    );
    expect(mean(spreads)).toBeGreaterThan(60);
  });

  test("the positional mix is sane: no specialist before round 4, rarely two quarterbacks to a club early, every group's early share near the board's own", () => {
    const early = (state: DraftState) => state.picks.filter((pick) => pick.round <= 3);
    const specialistsEarly = drafts.reduce(
      (n, state) =>
        n + early(state).filter((pick) => ["K", "P", "LS"].includes(groupOfPick(state, pick.overall))).length,
      0,
    );
    const twoQbs = drafts.filter((state) => {
      const qbs = new Map<string, number>();
      for (const pick of early(state))
        if (groupOfPick(state, pick.overall) === "QB") qbs.set(pick.team_id, (qbs.get(pick.team_id) ?? 0) + 1);
      return [...qbs.values()].some((n) => n >= 2);
    }).length;
    // what the board itself puts in its top 100 (rounds 1-3 are 100 picks), by group
    const boardTop = new Map<string, number>();
    for (const player of pool.players.slice(0, 100))
      boardTop.set(groupOf(player.category), (boardTop.get(groupOf(player.category)) ?? 0) + 1);
    const lines: string[] = [];
    const off: string[] = [];
    for (const [group, onBoard] of [...boardTop].sort()) {
      const simulated = mean(
        drafts.map((state) => early(state).filter((pick) => groupOfPick(state, pick.overall) === group).length),
      );
      lines.push(`${group.padEnd(2)} board top 100: ${onBoard}, simulated rounds 1-3: ${fixed(simulated)}`);
      if (simulated < onBoard * 0.6 - 1 || simulated > onBoard * 1.4 + 1) off.push(group);
    }
    console.log(
      `rounds 1-3 by group, ${DRAFTS} drafts:\n${lines.join("\n")}\nspecialists in rounds 1-3: ${specialistsEarly}; drafts with a club taking 2+ QBs in rounds 1-3: ${twoQbs}`,
    );
    expect(specialistsEarly).toBe(0);
    expect(twoQbs / DRAFTS).toBeLessThanOrEqual(0.05);
    expect(off).toEqual([]);
  });

  test("deterministic per seed: the same seed drafts the same 257 picks, another seed a different draft", () => {
    const ids = (state: DraftState) => state.picks.map((pick) => `${pick.team_id}:${pick.player.player_id}`);
    expect(ids(simulateDraft(pool, { rounds: 7, seed: 1 }))).toEqual(ids(drafts[0]!));
    expect(ids(simulateDraft(pool, { rounds: 7, seed: 2 }))).not.toEqual(ids(drafts[0]!));
  });

  test("a club's needs by position steer it: with EDGE as its one need, Chicago's first edge rusher comes earlier", () => {
    const onlyNeed = (position: string) =>
      importPool({
        needs: {
          CHI: Object.fromEntries(
            ["QB", "RB", "FB", "WR", "TE", "OT", "IOL", "EDGE", "DT", "LB", "CB", "S", "K", "P", "LS"].map((p) => [
              p,
              p === position ? 1 : 0,
            ]),
          ),
        },
      });
    const firstEdge = (target: DraftPool) =>
      mean(
        Array.from({ length: 40 }, (_, i) => {
          const state = simulateDraft(target, { rounds: 7, seed: 500 + i });
          return (
            state.picks.find(
              (pick) => pick.team_id === "CHI" && target.playersById.get(pick.player.player_id)?.category === "EDGE",
            )?.overall ?? 300
          );
        }),
      );
    const wanting = firstEdge(onlyNeed("EDGE"));
    const notWanting = firstEdge(onlyNeed("WR"));
    console.log(
      `Chicago's first EDGE, mean pick number over 40 seeds: ${fixed(wanting)} when EDGE is its need, ${fixed(notWanting)} when WR is`,
    );
    expect(wanting).toBeLessThan(notWanting);
  });
});
