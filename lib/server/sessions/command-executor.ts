// Decide → append → broadcast, one command at a time per session: the engine
// decides on the session's state, the events are persisted, and only then are
// they broadcast and the clock rescheduled. The database stays the
// serialisation point across processes (see session-repository.ts).
import "../db/server-only";
import { decide, dueAt, type Outcome } from "../../draft/engine";
import { currentSlot } from "../../draft/reducer";
import type { DraftCommand, DraftEvent, DraftState } from "../../draft/types";
import { ContractError } from "../../protocol/errors";
import type { Logger } from "../logger";
import { WriteConflict } from "./event-log-sql";
import type { createKeyedQueue } from "./keyed-queue";
import type { LoadedSession, SessionCache } from "./session-cache";
import type { SessionRepository } from "./session-repository";

export interface ExecutorDeps {
  repo: SessionRepository;
  cache: SessionCache;
  queue: ReturnType<typeof createKeyedQueue>;
  now: () => number;
  logger: Logger;
  /** sends persisted events to the session's room, in seq order */
  broadcast: (sessionId: string, events: readonly DraftEvent[]) => void;
  /** the session's state changed: rearm its clock */
  committed: (sessionId: string, state: DraftState) => void;
  /** runs a person's command ahead of queued clock ticks */
  person: <T>(work: () => Promise<T>) => Promise<T>;
  /**
   * Whether other processes may write to the same database (PostgreSQL). Then
   * every command first folds in events this process has not seen; with the
   * embedded database this process is the only writer, so memory is current.
   */
  sharedDatabase: boolean;
  /** why nothing may be committed right now (the bus to other nodes is down), or null */
  commitBlocker: () => string | null;
}

/** A database failure, told plainly: nothing was written (transactions roll back whole). */
function databaseUnavailable(error: unknown): never {
  if (ContractError.is(error)) throw error;
  throw new ContractError("internal", "the database is unavailable right now; nothing was changed, try again");
}

export function createCommandExecutor(deps: ExecutorDeps) {
  const { repo, cache, queue, now, logger, broadcast, committed, person, sharedDatabase, commitBlocker } = deps;
  let stopped = false;

  function run(sessionId: string, command: DraftCommand): Promise<Outcome> {
    return queue.run(sessionId, async () => {
      // refuse rather than commit a change the other nodes' clients could not hear about
      const blocked = commitBlocker();
      if (blocked) throw new ContractError("internal", blocked);
      const session = await cache.mustLoad(sessionId).catch(databaseUnavailable);
      if (sharedDatabase) await cache.catchUp(sessionId, session).catch(databaseUnavailable);
      const decision = decide(session.state, command, now());
      if (!decision.ok) throw new ContractError(decision.rejection.code, decision.rejection.message);
      const outcome = decision.value;
      if (outcome.events.length === 0) return outcome;
      const { state } = outcome;
      try {
        await repo.append(
          sessionId,
          outcome.events,
          {
            status: state.status,
            seq: state.seq,
            currentOverall: currentSlot(state)?.overall ?? null,
            deadline: state.deadline,
            dueAt: dueAt(state),
          },
          // the clock's CPU picks wait while a person's statements do (pglite-worker.js)
          { background: command.type === "tick" },
        );
      } catch (error) {
        // what is in memory may no longer be what the database holds: read it again next time
        cache.forget(sessionId);
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
      session.state = state;
      broadcast(sessionId, outcome.events);
      committed(sessionId, state);
      return outcome;
    });
  }

  return {
    /** Runs a command in the session's queue; resolves after its events are persisted and broadcast. */
    execute(sessionId: string, command: DraftCommand): Promise<Outcome> {
      if (stopped)
        return Promise.reject(new ContractError("internal", "this server is shutting down; reconnect and try again"));
      // a person's command holds the clock ticks back while it is on its way
      if (command.type !== "tick") return person(() => run(sessionId, command));
      return run(sessionId, command);
    },

    /** Changes that are not events (a team's queue): applied in the same per-session order as commands. */
    update(sessionId: string, change: (session: LoadedSession) => Promise<void>): Promise<void> {
      return queue.run(sessionId, async () => change(await cache.mustLoad(sessionId)));
    },

    /** The session as the database has it now: with a shared database, caught up first. */
    current(sessionId: string): Promise<LoadedSession> {
      if (!sharedDatabase) return cache.mustLoad(sessionId);
      return queue.run(sessionId, async () => {
        const session = await cache.mustLoad(sessionId);
        await cache.catchUp(sessionId, session);
        return session;
      });
    },

    /** refuses new commands; those already queued finish (drain the queue to wait for them) */
    stop(): void {
      stopped = true;
    },
  };
}
