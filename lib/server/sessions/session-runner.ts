// The sessions of this process, put together: the cache of sessions in memory
// (session-cache.ts), the command executor that decides, persists and
// broadcasts (command-executor.ts) and the clock scheduler that ticks
// running sessions (clock-scheduler.ts), sharing one per-session queue.
import "../db/server-only";
import type { DraftEvent } from "../../draft/types";
import type { Logger } from "../logger";
import type { PoolCatalog } from "../pools/pool-catalog";
import { createClockScheduler } from "./clock-scheduler";
import { createCommandExecutor } from "./command-executor";
import { createKeyedQueue } from "./keyed-queue";
import type { TimerClock } from "./pick-clock";
import { createSessionCache } from "./session-cache";
import type { SessionRepository } from "./session-repository";

export type { LoadedSession } from "./session-cache";

export interface RunnerDeps {
  repo: SessionRepository;
  pools: PoolCatalog;
  clock: TimerClock;
  /** sends persisted events to the session's room, in seq order */
  broadcast: (sessionId: string, events: readonly DraftEvent[]) => void;
  logger: Logger;
  /** other processes may write to the same database (PostgreSQL): catch up before every command */
  sharedDatabase?: boolean;
  /** why nothing may be committed right now (the bus to other nodes is down), or null */
  commitBlocker?: () => string | null;
}

export function createSessionRunner({
  repo,
  pools,
  clock,
  broadcast,
  logger,
  sharedDatabase = false,
  commitBlocker = () => null,
}: RunnerDeps) {
  const queue = createKeyedQueue();
  const cache = createSessionCache({
    repo,
    pools,
    clock,
    queue,
    loaded: (sessionId, state) => scheduler.schedule(sessionId, state),
    hasClockWork: (sessionId) => scheduler.hasClockWork(sessionId),
  });
  const scheduler = createClockScheduler({
    clock,
    repo,
    logger,
    runTick: (sessionId) => executor.execute(sessionId, { type: "tick" }),
    stateOf: async (sessionId) => (await cache.load(sessionId))?.state ?? null,
  });
  const executor = createCommandExecutor({
    repo,
    cache,
    queue,
    now: () => clock.now(),
    logger,
    broadcast,
    committed: (sessionId, state) => scheduler.schedule(sessionId, state),
    person: scheduler.person,
    sharedDatabase,
    commitBlocker,
  });

  return {
    load: cache.load,
    mustLoad: cache.mustLoad,
    current: executor.current,
    execute: executor.execute,
    update: executor.update,
    /** loads every running session so its clock resumes after a restart */
    async resumeClocks(): Promise<number> {
      const ids = await repo.activeSessionIds();
      await Promise.all(ids.map(cache.load));
      return ids.length;
    },
    startSweep: scheduler.startSweep,
    startEviction: cache.startEviction,
    resident: cache.resident,
    /** resolves once every command queued so far (clock ticks and evictions included) has finished */
    settled: () => queue.drain(),
    async stop(): Promise<void> {
      executor.stop();
      scheduler.stop();
      cache.stop();
      await queue.drain();
    },
  };
}

export type SessionRunner = ReturnType<typeof createSessionRunner>;
