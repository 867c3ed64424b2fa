/**
 * At most `limit` clock ticks (CPU picks, expired clocks) in flight at once,
 * across all sessions; the limit is a number or read afresh at every
 * admission (loop-governor.ts lowers it while the event loop runs late, to 0
 * while it catches up). Without a bound a person's pick or an admin's pause
 * would queue behind one batch of CPU work per busy session (on PostgreSQL, in
 * the pool; on the embedded database the ticks' writes give way to people's,
 * pglite-worker.js, but their work on this thread does not); with it, behind
 * at most `limit`. While a person's command is on its way, the gate lets in
 * at most one tick at a time, so the command waits on the ticks already
 * running and not on the ones they free slots for. Held ticks never stop the
 * clocks: when none has been let in for `maxHoldMs`, the oldest goes whatever
 * the limit says.
 */
export interface TickGateOptions {
  /** the longest ticks are held while nothing runs; 50 ms unless given */
  maxHoldMs?: number;
}

export function createTickGate(limit: number | (() => number), { maxHoldMs = 50 }: TickGateOptions = {}) {
  const limitNow = typeof limit === "number" ? () => limit : limit;
  let running = 0;
  let people = 0;
  let lastAdmittedAt = performance.now();
  let recheck: NodeJS.Timeout | null = null;
  const waiting: (() => void)[] = [];
  const capacity = () => (people > 0 ? Math.min(1, limitNow()) : limitNow());
  const overdue = () => running === 0 && performance.now() - lastAdmittedAt >= maxHoldMs;

  function start(): void {
    running++;
    lastAdmittedAt = performance.now();
  }

  /** starts waiting ticks, in arrival order, while there is room; looks again soon when ticks are held */
  function admit(): void {
    while (waiting.length > 0 && (running < capacity() || overdue())) {
      start();
      waiting.shift()!();
    }
    if (waiting.length > 0 && running === 0 && recheck === null) {
      // nothing running will call admit() again: a timer does, so held ticks go once the loop has caught up
      recheck = setTimeout(
        () => {
          recheck = null;
          admit();
        },
        Math.min(10, maxHoldMs),
      );
      recheck.unref();
    }
  }

  return {
    /** a clock tick: runs when a slot is free */
    async run<T>(work: () => Promise<T>): Promise<T> {
      if (waiting.length > 0 || (running >= capacity() && !overdue())) {
        const admitted = new Promise<void>((resolve) => waiting.push(resolve));
        admit();
        await admitted;
      } else start();
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
