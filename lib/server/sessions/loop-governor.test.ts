import { createLimitPolicy } from "./loop-governor";

/** feeds the policy one lateness sample every 10 ms from `from`; returns the time after the last */
function feed(policy: ReturnType<typeof createLimitPolicy>, lateness: number, samples: number, from: number): number {
  let at = from;
  for (let i = 0; i < samples; i++, at += 10) policy.observe(lateness, at);
  return at;
}

describe("loop governor's limit policy", () => {
  test("starts at one tick in flight and grows by one per 100 ms while the loop keeps up, to its maximum", () => {
    const policy = createLimitPolicy({ targetMs: 5, min: 0, max: 4 });
    expect(policy.limit()).toBe(1);
    let at = feed(policy, 0, 1, 0);
    expect(policy.limit()).toBe(2);
    at = feed(policy, 0, 9, at);
    // 100 ms after the last change, not before
    expect(policy.limit()).toBe(2);
    at = feed(policy, 0, 1, at);
    expect(policy.limit()).toBe(3);
    feed(policy, 0, 100, at);
    expect(policy.limit()).toBe(4);
  });

  test("halves while the loop runs late, down to its minimum (0: ticks wait for the loop to catch up)", () => {
    const policy = createLimitPolicy({ targetMs: 5, min: 0, max: 8 });
    let at = feed(policy, 0, 200, 0);
    expect(policy.limit()).toBe(8);
    at = feed(policy, 40, 1, at);
    expect(policy.limit()).toBe(4);
    // at most one halving per 50 ms
    at = feed(policy, 40, 4, at);
    expect(policy.limit()).toBe(4);
    at = feed(policy, 40, 1, at);
    expect(policy.limit()).toBe(2);
    feed(policy, 40, 20, at);
    expect(policy.limit()).toBe(0);
  });

  test("one late turn among quick ones is smoothed away; a run of them is not", () => {
    const policy = createLimitPolicy({ targetMs: 10, min: 0, max: 8 });
    let at = feed(policy, 0, 200, 0);
    at = feed(policy, 20, 1, at);
    // 0.4 × 20 ms = 8 ms, under the target
    expect(policy.limit()).toBe(8);
    feed(policy, 20, 2, at);
    expect(policy.lagMs()).toBeGreaterThan(10);
    expect(policy.limit()).toBe(4);
  });
});
