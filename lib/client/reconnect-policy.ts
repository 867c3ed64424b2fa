// Reconnect backoff: five quick attempts as PROTOCOL.md ("Transport") fixes
// them (nominal 1, 2, 4, 8, 16 s, ±25 % jitter, never more than 30 s), then
// slow attempts for as long as the page is open, one every 10 to 30 s, so a
// room left open through an outage comes back on its own. Pure: the
// randomness is passed in.

export const QUICK_RECONNECT_ATTEMPTS = 5;
export const BASE_DELAY_MS = 1000;
export const MAX_DELAY_MS = 30_000;
export const JITTER = 0.25;
/** after the quick attempts: a delay drawn evenly from this range */
export const SLOW_MIN_DELAY_MS = 10_000;
export const SLOW_MAX_DELAY_MS = 30_000;

export interface ReconnectDecision {
  kind: "retry";
  attempt: number;
  delay_ms: number;
  /** past the quick attempts: the page is still trying, less often */
  slow: boolean;
}

/** The nominal (jitter-free) delay before quick attempt n, 1-based. */
export function nominalDelayMs(attempt: number): number {
  return Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (attempt - 1));
}

/**
 * When to make attempt `attempt` (1-based). `random` returns a number in
 * [0, 1), like Math.random. Quick attempts: 0.5 gives the nominal delay, 0
 * gives −25 %, values close to 1 almost +25 %. Slow attempts: 0 gives 10 s,
 * values close to 1 almost 30 s. There is no last attempt.
 */
export function reconnectDecision(attempt: number, random: () => number): ReconnectDecision {
  if (!Number.isInteger(attempt) || attempt < 1) throw new RangeError(`attempt must be an integer ≥ 1, got ${attempt}`);
  // clamp the injected value so a misbehaving random() can never push past the bounds
  const r = Math.min(Math.max(random(), 0), 1);
  if (attempt > QUICK_RECONNECT_ATTEMPTS) {
    const delay_ms = Math.round(SLOW_MIN_DELAY_MS + r * (SLOW_MAX_DELAY_MS - SLOW_MIN_DELAY_MS));
    return { kind: "retry", attempt, delay_ms, slow: true };
  }
  const factor = 1 + JITTER * (2 * r - 1);
  const delay_ms = Math.min(MAX_DELAY_MS, Math.max(0, Math.round(nominalDelayMs(attempt) * factor)));
  return { kind: "retry", attempt, delay_ms, slow: false };
}
