import { hashKeys, mulberry32, rngFor, uniformFor } from "./rng";

describe("seeded randomness", () => {
  test("the same seed and keys always give the same numbers", () => {
    const a = rngFor(42, 17, "NYJ", "cpu-pick");
    const b = rngFor(42, 17, "NYJ", "cpu-pick");
    const draws = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(draws);
    expect(uniformFor(42, 17, "NYJ", "cpu-pick")).toBe(draws[0]);
  });

  test("keys are told apart by kind and boundary, not just by their text", () => {
    expect(hashKeys("ab", "c")).not.toBe(hashKeys("a", "bc"));
    expect(hashKeys(1)).not.toBe(hashKeys("1"));
    expect(hashKeys(1, 2)).not.toBe(hashKeys(2, 1));
    expect(hashKeys(2 ** 40)).not.toBe(hashKeys(0));
  });

  test("draws are spread over [0, 1) for consecutive seeds", () => {
    const draws = Array.from({ length: 10000 }, (_, seed) => uniformFor(seed, "spread"));
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    const mean = draws.reduce((sum, d) => sum + d, 0) / draws.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.02);
    const stream = mulberry32(7);
    expect(new Set(Array.from({ length: 1000 }, () => stream())).size).toBe(1000);
  });
});
