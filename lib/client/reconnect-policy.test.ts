import {
  MAX_DELAY_MS,
  QUICK_RECONNECT_ATTEMPTS,
  SLOW_MAX_DELAY_MS,
  SLOW_MIN_DELAY_MS,
  nominalDelayMs,
  reconnectDecision,
} from "./reconnect-policy";

const fixed = (value: number) => () => value;

describe("reconnect policy", () => {
  it("doubles the nominal delay from one second per attempt", () => {
    expect([1, 2, 3, 4, 5].map(nominalDelayMs)).toEqual([1000, 2000, 4000, 8000, 16000]);
  });

  it("uses the nominal delay when random() returns the midpoint", () => {
    const delays = [1, 2, 3, 4, 5].map((n) => reconnectDecision(n, fixed(0.5)));
    expect(delays).toEqual([
      { kind: "retry", attempt: 1, delay_ms: 1000, slow: false },
      { kind: "retry", attempt: 2, delay_ms: 2000, slow: false },
      { kind: "retry", attempt: 3, delay_ms: 4000, slow: false },
      { kind: "retry", attempt: 4, delay_ms: 8000, slow: false },
      { kind: "retry", attempt: 5, delay_ms: 16000, slow: false },
    ]);
  });

  it("shortens the delay by a quarter at the low end of the jitter", () => {
    expect(reconnectDecision(3, fixed(0))).toEqual({ kind: "retry", attempt: 3, delay_ms: 3000, slow: false });
  });

  it("lengthens the delay by almost a quarter at the high end of the jitter", () => {
    const decision = reconnectDecision(5, fixed(0.999999));
    expect(decision.delay_ms).toBeLessThanOrEqual(20000);
    expect(decision.delay_ms).toBeGreaterThan(19990);
  });

  it("never waits more than 30 seconds even if random() misbehaves", () => {
    for (let n = 1; n <= 50; n += 1) {
      expect(reconnectDecision(n, fixed(50)).delay_ms).toBeLessThanOrEqual(MAX_DELAY_MS);
      expect(reconnectDecision(n, fixed(-50)).delay_ms).toBeGreaterThanOrEqual(0);
    }
  });

  it("never gives up: after the five quick attempts it keeps trying every 10 to 30 seconds", () => {
    for (const attempt of [QUICK_RECONNECT_ATTEMPTS + 1, 7, 20, 1000]) {
      for (const r of [0, 0.25, 0.5, 0.999999]) {
        const decision = reconnectDecision(attempt, fixed(r));
        expect(decision).toMatchObject({ kind: "retry", attempt, slow: true });
        expect(decision.delay_ms).toBeGreaterThanOrEqual(SLOW_MIN_DELAY_MS);
        expect(decision.delay_ms).toBeLessThanOrEqual(SLOW_MAX_DELAY_MS);
      }
    }
    expect(SLOW_MIN_DELAY_MS).toBe(10_000);
    expect(SLOW_MAX_DELAY_MS).toBe(30_000);
  });

  it("spreads the slow attempts over the whole range with the injected randomness", () => {
    expect(reconnectDecision(6, fixed(0)).delay_ms).toBe(10_000);
    expect(reconnectDecision(6, fixed(0.5)).delay_ms).toBe(20_000);
    expect(reconnectDecision(9, fixed(0.999999)).delay_ms).toBe(30_000);
  });

  it("rejects an attempt number below one", () => {
    expect(() => reconnectDecision(0, fixed(0.5))).toThrow(RangeError);
  });
});
