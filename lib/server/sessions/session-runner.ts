// Guard → apply → persist → broadcast, one command at a time per session.
// Keeps each session's state in memory as the fold of its persisted events;
// the database stays the serialisation point (see session-repository.ts).
import "../db/server-only";
import { decide, dueAt, type Outcome } from "../../draft/engine";
import { foldEvents, initialState, currentSlot } from "../../draft/reducer";
import type { DraftCommand, DraftEvent, DraftState } from "../../draft/types";
import { ContractError } from "../../protocol/errors";
import type { Logger } from "../logger";
import type { PoolCatalog } from "../pools/pool-catalog";
import { createKeyedQueue } from "./keyed-queue";
import { createPickClock, type TimerClock } from "./pick-clock";
import { createTickGate } from "./tick-gate";
import { WriteConflict } from "./event-log-sql";
import type { SessionRepository, StoredSession } from "./session-repository";

export interface LoadedSession {
  state: DraftState;
  leagueId: string;
}

export interface RunnerDeps {
  repo: SessionRepository;
  pools: PoolCatalog;
  clock: TimerClock;
  /** sends persisted events to the session's room, in seq order */
  broadcast: (sessionId: string, events: readonly DraftEvent[]) => void;
  logger: Logger;
  /**
   * Whether other processes may write to the same database (PostgreSQL). Then
   * every command first folds in events this process has not seen; with the
   * embedded database this process is the only writer, so memory is current.
   */
  sharedDatabase?: boolean;
  /** why nothing may be committed right now (the bus to other nodes is down), or null */
  commitBlocker?: () => string | null;
}

/** A database failure, told plainly: nothing was written (transactions roll back whole). */
function databaseUnavailable(error: unknown): never {
  if (ContractError.is(error)) throw error;
  throw new ContractError("internal", "the database is unavailable right now; nothing was changed, try again");
}

/** A recurring sweep must never be what keeps a process alive (a server has its listener for that). */
function housekeeping(handle: unknown): unknown {
  (handle as { unref?: () => void } | null)?.unref?.();
  return handle;
}

/** How long a failed clock tick (database away) waits before trying again. */
const TICK_RETRY_MS = 1000;
/** More events than a whole draft has; a catch-up never needs a second page. */
const CATCH_UP_LIMIT = 5000;
/**
 * Clock ticks in flight across all sessions. Enough to keep the database busy
 * (each tick is up to TICK_BATCH_LIMIT picks in one statement), few enough
 * that a person's command waits behind little CPU work.
 */
const TICKS_IN_FLIGHT = 4;

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
  const sessions = new Map<string, Promise<LoadedSession | null>>();
  /** when each session in memory was last asked for: idle ones are let go (startEviction) */
  const lastUsed = new Map<string, number>();
  const pickClock = createPickClock(clock, (sessionId) => void tick(sessionId));
  const tickGate = createTickGate(TICKS_IN_FLIGHT);
  let stopped = false;
  let sweepTimer: unknown = null;
  let evictionTimer: unknown = null;

  function forget(sessionId: string): void {
    sessions.delete(sessionId);
    lastUsed.delete(sessionId);
  }

  async function hydrate(stored: StoredSession): Promise<LoadedSession> {
    const pool = await pools.get(stored.poolId);
    if (!pool) throw new Error(`session ${stored.id} uses unknown pool ${stored.poolId}`);
    // the stored config is JSON: a setting that was not given is absent, not undefined
    const { rounds, seconds_per_pick, cpu_delay_ms, history: _history, ...settings } = stored.config;
    const base = initialState({
      sessionId: stored.id,
      name: stored.name,
      pool,
      rounds,
      secondsPerPick: seconds_per_pick,
      cpuDelayMs: cpu_delay_ms,
      teams: stored.seats.map((seat) => ({ team_id: seat.teamId, name: seat.name, controller: seat.controller })),
      settings,
    });
    const state = { ...foldEvents(base, stored.events), queues: stored.queues };
    return { state, leagueId: stored.leagueId };
  }

  /** The session, from memory or rebuilt from its log; null when it does not exist. */
  function load(sessionId: string): Promise<LoadedSession | null> {
    lastUsed.set(sessionId, clock.now());
    let entry = sessions.get(sessionId);
    if (!entry) {
      entry = repo.loadSession(sessionId).then(async (stored) => {
        if (!stored) return null;
        const loaded = await hydrate(stored);
        pickClock.schedule(sessionId, dueAt(loaded.state));
        return loaded;
      });
      sessions.set(sessionId, entry);
      // neither a failed read nor an unknown id is remembered: the next call asks the database again
      entry.then(
        (loaded) => loaded === null && forget(sessionId),
        () => forget(sessionId),
      );
    }
    return entry;
  }

  async function mustLoad(sessionId: string): Promise<LoadedSession> {
    const loaded = await load(sessionId);
    if (!loaded) throw new ContractError("not_found", "no such session");
    return loaded;
  }

  /** Folds in what another process appended since this one last looked. */
  async function catchUp(sessionId: string, loaded: LoadedSession): Promise<void> {
    const newer = await repo.readEvents(sessionId, loaded.state.seq, CATCH_UP_LIMIT);
    if (newer.length) loaded.state = foldEvents(loaded.state, newer);
  }

  /** Runs a command in the session's queue; resolves after its events are persisted and broadcast. */
  function execute(sessionId: string, command: DraftCommand): Promise<Outcome> {
    if (stopped)
      return Promise.reject(new ContractError("internal", "this server is shutting down; reconnect and try again"));
    // a person's command holds the clock ticks back while it is on its way (tick-gate.ts)
    if (command.type !== "tick") return tickGate.person(() => run(sessionId, command));
    return run(sessionId, command);
  }

  function run(sessionId: string, command: DraftCommand): Promise<Outcome> {
    return queue.run(sessionId, async () => {
      // refuse rather than commit a change the other nodes' clients could not hear about
      const blocked = commitBlocker();
      if (blocked) throw new ContractError("internal", blocked);
      const loaded = await mustLoad(sessionId).catch(databaseUnavailable);
      if (sharedDatabase) await catchUp(sessionId, loaded).catch(databaseUnavailable);
      const decision = decide(loaded.state, command, clock.now());
      if (!decision.ok) throw new ContractError(decision.rejection.code, decision.rejection.message);
      const outcome = decision.value;
      if (outcome.events.length === 0) return outcome;
      const { state } = outcome;
      try {
        await repo.append(sessionId, outcome.events, {
          status: state.status,
          seq: state.seq,
          currentOverall: currentSlot(state)?.overall ?? null,
          deadline: state.deadline,
          dueAt: dueAt(state),
        });
      } catch (error) {
        // what is in memory may no longer be what the database holds: read it again next time
        forget(sessionId);
        if (error instanceof WriteConflict)
          throw new ContractError("conflict", "the draft changed while this was being saved; try again");
        logger.error("could not persist a command", {
          session_id: sessionId,
          command: command.type,
          error: String(error),
        });
        // the transaction rolled back whole: say so plainly
        return databaseUnavailable(error);
      }
      // persist before broadcast so no client ever sees a pick the database refused
      loaded.state = state;
      broadcast(sessionId, outcome.events);
      pickClock.schedule(sessionId, dueAt(state));
      return outcome;
    });
  }

  /** Sessions with a tick waiting or running: a timer and the overdue sweep may both ask for one, and one is enough. */
  const ticking = new Set<string>();

  async function tick(sessionId: string): Promise<void> {
    if (stopped || ticking.has(sessionId)) return;
    ticking.add(sessionId);
    try {
      // commands from people enter their session's queue at once; ticks take turns at the gate
      await tickGate.run(() => execute(sessionId, { type: "tick" }));
    } catch (error) {
      logger.warn("clock tick failed; retrying", { session_id: sessionId, error: String(error) });
      clock.setTimeout(() => {
        if (stopped) return;
        void load(sessionId).then(
          (loaded) => loaded && pickClock.schedule(sessionId, dueAt(loaded.state)),
          () => {},
        );
      }, TICK_RETRY_MS);
    } finally {
      ticking.delete(sessionId);
    }
  }

  /** Changes that are not events (a team's queue): applied in the same per-session order as commands. */
  function update(sessionId: string, change: (loaded: LoadedSession) => Promise<void>): Promise<void> {
    return queue.run(sessionId, async () => change(await mustLoad(sessionId)));
  }

  /** The session as the database has it now: with a shared database, caught up first. */
  function current(sessionId: string): Promise<LoadedSession> {
    if (!sharedDatabase) return mustLoad(sessionId);
    return queue.run(sessionId, async () => {
      const loaded = await mustLoad(sessionId);
      await catchUp(sessionId, loaded);
      return loaded;
    });
  }

  return {
    load,
    mustLoad,
    current,
    execute,
    update,
    /** loads every running session so its clock resumes after a restart */
    async resumeClocks(): Promise<number> {
      const ids = await repo.activeSessionIds();
      await Promise.all(ids.map(load));
      return ids.length;
    },
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
    /**
     * Every `intervalMs`, lets go of sessions nobody asked for in `idleMs` and
     * whose clock has no work here (finished, paused, waiting on an untimed
     * seat): a long-lived server would otherwise keep every draft it ever
     * served. The next use reads the session back from its log.
     */
    startEviction(intervalMs: number, idleMs: number): void {
      const evict = () => {
        if (stopped) return;
        const cutoff = clock.now() - idleMs;
        for (const [sessionId, usedAt] of lastUsed) {
          if (usedAt > cutoff || pickClock.scheduled(sessionId) !== null) continue;
          // in the session's queue, so no command is halfway through the copy being dropped
          void queue.run(sessionId, async () => {
            if ((lastUsed.get(sessionId) ?? 0) <= cutoff && pickClock.scheduled(sessionId) === null) forget(sessionId);
          });
        }
        evictionTimer = housekeeping(clock.setTimeout(evict, intervalMs));
      };
      evictionTimer = housekeeping(clock.setTimeout(evict, intervalMs));
    },
    /** sessions held in memory now */
    resident: () => sessions.size,
    async stop(): Promise<void> {
      stopped = true;
      if (sweepTimer !== null) clock.clearTimeout(sweepTimer);
      if (evictionTimer !== null) clock.clearTimeout(evictionTimer);
      pickClock.stop();
      await queue.drain();
    },
  };
}

export type SessionRunner = ReturnType<typeof createSessionRunner>;
