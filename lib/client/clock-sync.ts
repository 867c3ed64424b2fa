// Estimating the server's clock from `ping` round trips (NTP's idea, cut down).
// A countdown computed from the server's deadline and the local clock is off by
// however wrong the local clock is; the offset corrects that. Each sample
// assumes the server stamped its answer halfway through the round trip, so its
// error is at most half that trip: the sample with the shortest trip wins.

export interface ClockSample {
  /** local time the ping was sent (ms since epoch) */
  sent: number;
  /** local time the answer arrived */
  received: number;
  /** the server's time in its answer */
  server_time: number;
}

export interface OffsetEstimate {
  /** server time minus local time */
  offset_ms: number;
  /** the worst case error of that estimate: half the round trip */
  error_ms: number;
}

export function offsetOf(sample: ClockSample): OffsetEstimate {
  const rtt = Math.max(0, sample.received - sample.sent);
  return {
    offset_ms: Math.round(sample.server_time - (sample.sent + sample.received) / 2),
    error_ms: Math.ceil(rtt / 2),
  };
}

/** The estimate from the sample with the shortest round trip; null without samples. */
export function bestOffset(samples: readonly ClockSample[]): OffsetEstimate | null {
  let best: OffsetEstimate | null = null;
  for (const sample of samples) {
    const estimate = offsetOf(sample);
    if (!best || estimate.error_ms < best.error_ms) best = estimate;
  }
  return best;
}

/** Pings per sync: enough to dodge one slow trip (a GC pause, a busy event loop), cheap enough to repeat. */
export const CLOCK_SAMPLES = 4;
