/**
 * At most `limit` clock ticks (CPU picks, expired clocks) in flight at once,
 * across all sessions. The database runs statements in arrival order, so
 * without a bound a person's pick or an admin's pause would queue behind one
 * batch of CPU work per busy session; with it, behind at most `limit`.
 */
export function createTickGate(limit: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return {
    async run<T>(work: () => Promise<T>): Promise<T> {
      if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
      else running++;
      try {
        return await work();
      } finally {
        // hand the slot straight to the next waiter, or free it
        const next = waiting.shift();
        if (next) next();
        else running--;
      }
    },
    get waiting(): number {
      return waiting.length;
    },
  };
}
