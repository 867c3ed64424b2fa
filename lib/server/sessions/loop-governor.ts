/**
 * How many clock ticks may be in flight, from how late the event loop runs.
 * CPU drafts at full speed can fill every turn of the loop; a person's pick,
 * an admin's request and every socket read then wait a whole turn, several
 * times over. The governor keeps turns short: a timer measures its own
 * lateness (the length of the turn it waited behind), and the tick limit
 * halves while that stays above `targetMs` (at most every 50 ms) and grows by
 * one while it is below half of it (at most every 100 ms). The drafts get what the loop can spare; people come
 * first without anyone deciding who is "busy".
 */
export interface GovernorOptions {
  /** loop lateness the ticks are held to */
  targetMs: number;
  min: number;
  max: number;
  /** how often the loop is sampled and the limit reconsidered */
  sampleMs?: number;
}

export interface LoopGovernor {
  limit(): number;
  /** the smoothed lateness of the loop, in ms (for metrics and tests) */
  lagMs(): number;
  stop(): void;
}

/** How often the limit may halve, and how often it may grow by one: down fast, up slowly, so bursts do not return at once. */
const SHRINK_EVERY_MS = 50;
const GROW_EVERY_MS = 100;

/** The policy alone, fed lateness samples and their time: pure, so a test can drive it. */
export function createLimitPolicy({ targetMs, min, max }: GovernorOptions) {
  // a slow start: a server that wakes to a backlog of drafts does not flood its loop before it has measured it
  let limit = Math.min(max, Math.max(min, 1));
  let smoothed = 0;
  let changedAt = -Infinity;
  return {
    observe(latenessMs: number, nowMs: number): void {
      // a moving average over a few samples: one long garbage collection is not a trend
      smoothed = smoothed * 0.6 + latenessMs * 0.4;
      const since = nowMs - changedAt;
      if (smoothed > targetMs && since >= SHRINK_EVERY_MS && limit > min) {
        limit = Math.max(min, Math.floor(limit / 2));
        changedAt = nowMs;
      } else if (smoothed < targetMs / 2 && since >= GROW_EVERY_MS && limit < max) {
        limit += 1;
        changedAt = nowMs;
      }
    },
    limit: () => limit,
    lagMs: () => smoothed,
  };
}

export function createLoopGovernor(options: GovernorOptions): LoopGovernor {
  const sampleMs = options.sampleMs ?? 10;
  const policy = createLimitPolicy(options);
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  const arm = () => {
    const armedAt = performance.now();
    timer = setTimeout(() => {
      const now = performance.now();
      policy.observe(Math.max(0, now - armedAt - sampleMs), now);
      if (!stopped) arm();
    }, sampleMs);
    // never what keeps a process alive
    timer.unref();
  };
  arm();
  return {
    limit: policy.limit,
    lagMs: policy.lagMs,
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
