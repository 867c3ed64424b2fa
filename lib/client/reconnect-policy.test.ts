import { MAX_DELAY_MS, MAX_RECONNECT_ATTEMPTS, nominalDelayMs, reconnectDecision } from "./reconnect-policy";

const fixed = (value: number) => () => value;

describe("reconnect policy", () => {
  it("doubles the nominal delay from one second per attempt", () => {
    expect([1, 2, 3, 4, 5].map(nominalDelayMs)).toEqual([1000, 2000, 4000, 8000, 16000]);
  });

  it("uses the nominal delay when random() returns the midpoint", () => {
    const delays = [1, 2, 3, 4, 5].map((n) => reconnectDecision(n, fixed(0.5)));
    expect(delays).toEqual([
      { kind: "retry", attempt: 1, delay_ms: 1000 },
      { kind: "retry", attempt: 2, delay_ms: 2000 },
      { kind: "retry", attempt: 3, delay_ms: 4000 },
      { kind: "retry", attempt: 4, delay_ms: 8000 },
      { kind: "retry", attempt: 5, delay_ms: 16000 },
    ]);
  });

  it("shortens the delay by a quarter at the low end of the jitter", () => {
    expect(reconnectDecision(3, fixed(0))).toEqual({ kind: "retry", attempt: 3, delay_ms: 3000 });
  });

  it("lengthens the delay by almost a quarter at the high end of the jitter", () => {
    const decision = reconnectDecision(5, fixed(0.999999));
    expect(decision.kind).toBe("retry");
    if (decision.kind === "retry") {
      expect(decision.delay_ms).toBeLessThanOrEqual(20000);
      expect(decision.delay_ms).toBeGreaterThan(19990);
    }
  });

  it("never waits more than 30 seconds even if random() misbehaves", () => {
    for (let n = 1; n <= MAX_RECONNECT_ATTEMPTS; n += 1) {
      const decision = reconnectDecision(n, fixed(50));
      expect(decision.kind === "retry" && decision.delay_ms <= MAX_DELAY_MS).toBe(true);
    }
  });

  it("gives up after the fifth attempt", () => {
    expect(reconnectDecision(6, fixed(0.5))).toEqual({ kind: "failed", attempt: 6 });
  });

  it("rejects an attempt number below one", () => {
    expect(() => reconnectDecision(0, fixed(0.5))).toThrow(RangeError);
  });
});
