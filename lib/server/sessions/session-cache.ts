// Sessions in memory: each is its configuration folded over its persisted
// events, loaded on first use, caught up with what other processes appended,
// and let go when idle. The database stays the truth; this is its copy.
import "../db/server-only";
import { foldEvents, initialState } from "../../draft/reducer";
import type { DraftState, SimulatorSettings } from "../../draft/types";
import { ContractError } from "../../protocol/errors";
import type { PoolCatalog } from "../pools/pool-catalog";
import type { createKeyedQueue } from "./keyed-queue";
import type { TimerClock } from "./pick-clock";
import type { SessionRepository, StoredConfig, StoredSession } from "./session-repository";
import { housekeeping } from "./housekeeping";

export interface LoadedSession {
  state: DraftState;
  leagueId: string;
}

export interface CacheDeps {
  repo: SessionRepository;
  pools: PoolCatalog;
  clock: TimerClock;
  /** the per-session queue commands run in: eviction takes its turn there */
  queue: ReturnType<typeof createKeyedQueue>;
  /** a session was read from its log (its clock may have work to schedule) */
  loaded: (sessionId: string, state: DraftState) => void;
  /** whether the session has clock work here: such a session is never evicted */
  hasClockWork: (sessionId: string) => boolean;
}

/** The engine's settings from the stored config (the create body's names); a setting not given stays absent. */
function simulatorSettings(config: StoredConfig): SimulatorSettings {
  const settings: SimulatorSettings = {};
  if (config.seed !== undefined) settings.seed = config.seed;
  if (config.cpu_randomness !== undefined) settings.cpuRandomness = config.cpu_randomness;
  if (config.need_weight !== undefined) settings.needWeight = config.need_weight;
  if (config.trade_chart !== undefined) settings.tradeChart = config.trade_chart;
  if (config.cpu_trade_offers !== undefined) settings.cpuTradeOffers = config.cpu_trade_offers;
  if (config.cpu_trades !== undefined) settings.cpuTrades = config.cpu_trades;
  return settings;
}

/** More events than a whole draft has; a catch-up never needs a second page. */
const CATCH_UP_LIMIT = 5000;

export function createSessionCache({ repo, pools, clock, queue, loaded, hasClockWork }: CacheDeps) {
  const sessions = new Map<string, Promise<LoadedSession | null>>();
  /** when each session in memory was last asked for: idle ones are let go (startEviction) */
  const lastUsed = new Map<string, number>();
  let evictionTimer: unknown = null;
  let stopped = false;

  function forget(sessionId: string): void {
    sessions.delete(sessionId);
    lastUsed.delete(sessionId);
  }

  async function rebuild(stored: StoredSession): Promise<LoadedSession> {
    const pool = await pools.get(stored.poolId);
    if (!pool) throw new Error(`session ${stored.id} uses unknown pool ${stored.poolId}`);
    const { rounds, seconds_per_pick, cpu_delay_ms } = stored.config;
    const base = initialState({
      sessionId: stored.id,
      name: stored.name,
      pool,
      rounds,
      secondsPerPick: seconds_per_pick,
      cpuDelayMs: cpu_delay_ms,
      teams: stored.seats.map((seat) => ({ team_id: seat.teamId, name: seat.name, controller: seat.controller })),
      settings: simulatorSettings(stored.config),
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
        const session = await rebuild(stored);
        loaded(sessionId, session.state);
        return session;
      });
      sessions.set(sessionId, entry);
      // neither a failed read nor an unknown id is remembered: the next call asks the database again
      entry.then(
        (session) => session === null && forget(sessionId),
        () => forget(sessionId),
      );
    }
    return entry;
  }

  async function mustLoad(sessionId: string): Promise<LoadedSession> {
    const session = await load(sessionId);
    if (!session) throw new ContractError("not_found", "no such session");
    return session;
  }

  /** Folds in what another process appended since this one last looked. */
  async function catchUp(sessionId: string, session: LoadedSession): Promise<void> {
    const newer = await repo.readEvents(sessionId, session.state.seq, CATCH_UP_LIMIT);
    if (newer.length) session.state = foldEvents(session.state, newer);
  }

  return {
    load,
    mustLoad,
    catchUp,
    /** drops the copy in memory: the next use reads the session back from its log */
    forget,
    /**
     * Every `intervalMs`, lets go of sessions nobody asked for in `idleMs` and
     * whose clock has no work here (finished, paused, waiting on an untimed
     * seat): a long-lived server would otherwise keep every draft it ever
     * served.
     */
    startEviction(intervalMs: number, idleMs: number): void {
      const evict = () => {
        if (stopped) return;
        const cutoff = clock.now() - idleMs;
        for (const [sessionId, usedAt] of lastUsed) {
          if (usedAt > cutoff || hasClockWork(sessionId)) continue;
          // in the session's queue, so no command is halfway through the copy being dropped
          void queue.run(sessionId, async () => {
            if ((lastUsed.get(sessionId) ?? 0) <= cutoff && !hasClockWork(sessionId)) forget(sessionId);
          });
        }
        evictionTimer = housekeeping(clock.setTimeout(evict, intervalMs));
      };
      evictionTimer = housekeeping(clock.setTimeout(evict, intervalMs));
    },
    /** sessions held in memory now */
    resident: () => sessions.size,
    stop(): void {
      stopped = true;
      if (evictionTimer !== null) clock.clearTimeout(evictionTimer);
    },
  };
}

export type SessionCache = ReturnType<typeof createSessionCache>;
