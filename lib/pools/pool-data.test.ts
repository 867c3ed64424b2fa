import { BUNDLED_POOLS, readBundledPools, type PoolData } from "./pool-data";

// Guards the committed files produced by scripts/build-pools.ts against bad re-cuts.
const pools = readBundledPools();
const byName = new Map(pools.map((p) => [p.pool, p]));

function pool(name: string): PoolData {
  const found = byName.get(name);
  if (!found) throw new Error(`pool ${name} missing`);
  return found;
}

describe("bundled pools", () => {
  it("loads the four bundled seasons", () => {
    expect(pools.map((p) => p.pool)).toEqual([...BUNDLED_POOLS]);
  });

  it.each([
    ["2021", 259, 7],
    ["2022", 262, 7],
    ["2023", 102, 3],
    ["2024", 257, 7],
  ])("pool %s has %i slots and players over %i rounds", (name, count, rounds) => {
    const p = pool(name);
    expect(p.order).toHaveLength(count);
    expect(p.players).toHaveLength(count);
    expect(p.rounds).toBe(rounds);
    expect(Math.max(...p.order.map((s) => s.round))).toBe(rounds);
  });

  describe.each(BUNDLED_POOLS.map((name) => [name]))("pool %s", (name) => {
    const p = pool(name);

    it("ranks players 1..N in order", () => {
      expect(p.players.map((pl) => pl.rank)).toEqual(p.players.map((_, i) => i + 1));
    });

    it("gives every player a unique id", () => {
      expect(new Set(p.players.map((pl) => pl.player_id)).size).toBe(p.players.length);
    });

    it("gives every player a position and category", () => {
      expect(p.players.filter((pl) => !pl.position || !pl.category)).toEqual([]);
    });

    it("has 32 distinct named teams", () => {
      expect(new Set(p.teams.map((t) => t.team_id)).size).toBe(32);
      expect(p.teams.filter((t) => t.name.trim() === "")).toEqual([]);
    });

    it("assigns every slot to one of the 32 teams, starting with its own pick", () => {
      const ids = new Set(p.teams.map((t) => t.team_id));
      expect(p.order.filter((s) => !ids.has(s.team_id) || s.original_team_id !== s.team_id)).toEqual([]);
    });

    it("numbers slots 1..N and restarts pick_in_round at 1 each round", () => {
      let expected = 0;
      p.order.forEach((s, i) => {
        expect(s.overall).toBe(i + 1);
        const prev = p.order[i - 1];
        expected = prev && prev.round === s.round ? expected + 1 : 1;
        expect(s.pick_in_round).toBe(expected);
      });
    });
  });

  it("starts 2024 with Caleb Williams to Chicago", () => {
    const p = pool("2024");
    expect(p.players[0]).toMatchObject({ name: "Caleb Williams", rank: 1 });
    expect(p.order[0]).toMatchObject({ overall: 1, team_id: "CHI" });
  });

  it("fills 2024 pick 60 (Cole Bishop) with position S", () => {
    expect(pool("2024").players.find((pl) => pl.rank === 60)).toMatchObject({
      name: "Cole Bishop",
      position: "S",
      category: "DB",
    });
  });
});
