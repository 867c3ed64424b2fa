/** Token bucket: bursts of `burst` events, refilled at `perSecond`. One per socket. */
export interface RateLimit {
  burst: number;
  perSecond: number;
}

export const DEFAULT_RATE_LIMIT: RateLimit = { burst: 40, perSecond: 20 };

export function createTokenBucket({ burst, perSecond }: RateLimit, now: () => number = Date.now) {
  let tokens = burst;
  let refilledAt = now();
  return {
    /** true when the event may go through */
    take(): boolean {
      const t = now();
      tokens = Math.min(burst, tokens + ((t - refilledAt) / 1000) * perSecond);
      refilledAt = t;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}
