import { readBundledNeeds } from "./needs-data";
import { BUNDLED_POOLS, readBundledPools } from "./pool-data";

// Guards the committed files produced by scripts/build-needs.ts.
const needs = readBundledNeeds();
const pools = new Map(readBundledPools().map((pool) => [pool.pool, pool]));

describe.each(BUNDLED_POOLS.map((name) => [name]))("needs for pool %s", (name) => {
  const teams = needs[name] ?? {};

  it("gives every club of the pool a profile, and no one else", () => {
    expect(Object.keys(teams).sort()).toEqual((pools.get(name)?.teams ?? []).map((team) => team.team_id).sort());
  });

  it("lists each club's needs most pressing first, with weights in (0, 1] and the top one 1", () => {
    for (const profile of Object.values(teams)) {
      const weights = profile.map((need) => need.weight);
      expect(weights[0]).toBe(1);
      expect(weights.every((w) => w > 0 && w <= 1)).toBe(true);
      expect(weights).toEqual([...weights].sort((a, b) => b - a));
    }
  });

  it("uses only the pool's position groups", () => {
    const groups = new Set(pools.get(name)?.players.map((player) => player.category));
    const unknown = Object.values(teams).flatMap((profile) => profile.filter((need) => !groups.has(need.category)));
    expect(unknown).toEqual([]);
  });
});
