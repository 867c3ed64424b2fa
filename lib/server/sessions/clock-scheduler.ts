// The pick clock's side of the sessions: a timer per running session for its
// next due work (a CPU seat's pick, an expired clock), ticks that take turns at
// the tick gate, retries when a tick fails, and, with a shared database, the
// sweep that ticks sessions whose timer died with another node.
import "../db/server-only";
import { dueAt } from "../../draft/engine";
import type { DraftState } from "../../draft/types";
import type { Logger } from "../logger";
import { housekeeping } from "./housekeeping";
import { createPickClock, type TimerClock } from "./pick-clock";
import type { SessionRepository } from "./session-repository";
import { createLoopGovernor } from "./loop-governor";
import { createTickGate } from "./tick-gate";

export interface SchedulerDeps {
  clock: TimerClock;
  repo: SessionRepository;
  logger: Logger;
  /** runs the session's "tick" command (through the command executor) */
  runTick: (sessionId: string) => Promise<unknown>;
  /** the session's state, to reschedule from after a failed tick; null when it is gone */
  stateOf: (sessionId: string) => Promise<DraftState | null>;
}

/** How long a failed clock tick (database away) waits before trying again. */
const TICK_RETRY_MS = 1000;
/**
 * Clock ticks in flight across all sessions: up to MAX_TICKS_IN_FLIGHT while
 * the event loop keeps up (enough to keep the database busy: each tick is up
 * to TICK_BATCH_LIMIT picks in one statement), down to one while it runs
 * later than LOOP_LAG_TARGET_MS and to none until it catches up (the gate still
 * lets one through every 50 ms), so a person's command waits behind little
 * CPU work (loop-governor.ts).
 */
const MAX_TICKS_IN_FLIGHT = 4;
const LOOP_LAG_TARGET_MS = 5;

export function createClockScheduler({ clock, repo, logger, runTick, stateOf }: SchedulerDeps) {
  const pickClock = createPickClock(clock, (sessionId) => void tick(sessionId));
  const governor = createLoopGovernor({ targetMs: LOOP_LAG_TARGET_MS, min: 0, max: MAX_TICKS_IN_FLIGHT });
  const gate = createTickGate(governor.limit);
  /** Sessions with a tick waiting or running: a timer and the overdue sweep may both ask for one, and one is enough. */
  const ticking = new Set<string>();
  let sweepTimer: unknown = null;
  let stopped = false;

  async function tick(sessionId: string): Promise<void> {
    if (stopped || ticking.has(sessionId)) return;
    ticking.add(sessionId);
    try {
      // commands from people enter their session's queue at once; ticks take turns at the gate
      await gate.run(() => runTick(sessionId));
    } catch (error) {
      logger.warn("clock tick failed; retrying", { session_id: sessionId, error: String(error) });
      clock.setTimeout(() => {
        if (stopped) return;
        void stateOf(sessionId).then(
          (state) => state && pickClock.schedule(sessionId, dueAt(state)),
          () => {},
        );
      }, TICK_RETRY_MS);
    } finally {
      ticking.delete(sessionId);
    }
  }

  return {
    /** (re)arms the session's timer for the state's next due work; none when nothing is due */
    schedule(sessionId: string, state: DraftState): void {
      pickClock.schedule(sessionId, dueAt(state));
    },
    hasClockWork: (sessionId: string): boolean => pickClock.scheduled(sessionId) !== null,
    /** a person's command: runs at once and holds further ticks back while it is on its way (tick-gate.ts) */
    person: <T>(work: () => Promise<T>): Promise<T> => gate.person(work),
    /**
     * With a shared database, looks every `intervalMs` for running sessions whose
     * clock work is overdue and ticks them: the node holding their timer may have
     * died. Exactly once still comes from the database keys.
     */
    startSweep(intervalMs: number, graceMs: number): void {
      const sweep = async () => {
        if (stopped) return;
        try {
          for (const sessionId of await repo.overdueSessionIds(clock.now() - graceMs)) void tick(sessionId);
        } catch (error) {
          logger.warn("overdue-clock sweep failed", { error: String(error) });
        }
        if (!stopped) sweepTimer = housekeeping(clock.setTimeout(() => void sweep(), intervalMs));
      };
      sweepTimer = housekeeping(clock.setTimeout(() => void sweep(), intervalMs));
    },
    stop(): void {
      stopped = true;
      governor.stop();
      if (sweepTimer !== null) clock.clearTimeout(sweepTimer);
      pickClock.stop();
    },
  };
}

export type ClockScheduler = ReturnType<typeof createClockScheduler>;
