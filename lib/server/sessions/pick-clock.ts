// Server-side timers for each running session: when a CPU seat's delay or a
// pick clock's deadline arrives, the session gets a "tick" command. The due
// time comes from the persisted state, so a restarted server resumes the
// clocks exactly where the database says they are.

export interface TimerClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: TimerClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** Node's timers overflow past 2^31-1 ms; a longer wait is re-armed when it wakes. */
const MAX_WAIT_MS = 2_147_000_000;

export function createPickClock(clock: TimerClock, fire: (sessionId: string) => void) {
  const timers = new Map<string, { at: number; handle: unknown }>();
  let stopped = false;

  function schedule(sessionId: string, dueAt: number | null): void {
    const current = timers.get(sessionId);
    if (current && current.at === dueAt) return;
    if (current) clock.clearTimeout(current.handle);
    timers.delete(sessionId);
    if (dueAt === null || stopped) return;
    const wait = Math.min(Math.max(0, dueAt - clock.now()), MAX_WAIT_MS);
    const handle = clock.setTimeout(() => {
      timers.delete(sessionId);
      if (dueAt - clock.now() > 0) schedule(sessionId, dueAt);
      else fire(sessionId);
    }, wait);
    timers.set(sessionId, { at: dueAt, handle });
  }

  return {
    schedule,
    scheduled: (sessionId: string) => timers.get(sessionId)?.at ?? null,
    stop(): void {
      stopped = true;
      for (const { handle } of timers.values()) clock.clearTimeout(handle);
      timers.clear();
    },
  };
}

export type PickClock = ReturnType<typeof createPickClock>;
