/**
 * At most `limit` clock ticks (CPU picks, expired clocks) in flight at once,
 * across all sessions. The database runs statements in arrival order, so
 * without a bound a person's pick or an admin's pause would queue behind one
 * batch of CPU work per busy session; with it, behind at most `limit`. While a
 * person's command is on its way, the gate lets in one tick at a time, so the
 * command waits on the ticks already running and not on the ones they free
 * slots for (one, not none: a stream of commands must not stop the clocks).
 */
export function createTickGate(limit: number) {
  let running = 0;
  let people = 0;
  const waiting: (() => void)[] = [];
  const capacity = () => (people > 0 ? 1 : limit);

  /** starts waiting ticks, in arrival order, while there is room */
  function admit(): void {
    while (waiting.length > 0 && running < capacity()) {
      running++;
      waiting.shift()!();
    }
  }

  return {
    /** a clock tick: runs when a slot is free */
    async run<T>(work: () => Promise<T>): Promise<T> {
      if (running >= capacity() || waiting.length > 0) await new Promise<void>((resolve) => waiting.push(resolve));
      else running++;
      try {
        return await work();
      } finally {
        running--;
        admit();
      }
    },
    /** a person's command: runs at once, and holds further ticks back until it is done */
    async person<T>(work: () => Promise<T>): Promise<T> {
      people++;
      try {
        return await work();
      } finally {
        people--;
        admit();
      }
    },
    get waiting(): number {
      return waiting.length;
    },
  };
}
