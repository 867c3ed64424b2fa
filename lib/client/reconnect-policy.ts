// Reconnect backoff from PROTOCOL.md ("Transport"): nominal 1, 2, 4, 8, 16 s,
// ±25 % jitter, never more than 30 s, at most 5 attempts, then give up and let
// the person press "Reconnect". Pure: the randomness is passed in.

export const MAX_RECONNECT_ATTEMPTS = 5;
export const BASE_DELAY_MS = 1000;
export const MAX_DELAY_MS = 30_000;
export const JITTER = 0.25;

export type ReconnectDecision =
  { kind: "retry"; attempt: number; delay_ms: number } | { kind: "failed"; attempt: number };

/** The nominal (jitter-free) delay before attempt n, 1-based. */
export function nominalDelayMs(attempt: number): number {
  return Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (attempt - 1));
}

/**
 * What to do before attempt `attempt` (1-based). `random` returns a number in
 * [0, 1), like Math.random; 0.5 gives the nominal delay, 0 gives −25 %, and
 * values close to 1 give almost +25 %.
 */
export function reconnectDecision(attempt: number, random: () => number): ReconnectDecision {
  if (!Number.isInteger(attempt) || attempt < 1) throw new RangeError(`attempt must be an integer ≥ 1, got ${attempt}`);
  if (attempt > MAX_RECONNECT_ATTEMPTS) return { kind: "failed", attempt };
  // clamp the injected value so a misbehaving random() can never push past the bounds
  const r = Math.min(Math.max(random(), 0), 1);
  const factor = 1 + JITTER * (2 * r - 1);
  const delay_ms = Math.min(MAX_DELAY_MS, Math.max(0, Math.round(nominalDelayMs(attempt) * factor)));
  return { kind: "retry", attempt, delay_ms };
}
