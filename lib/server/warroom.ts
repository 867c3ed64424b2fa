// The WarRoom realtime core, without Next.js: database-backed sessions behind
// a Socket.IO server on a given HTTP server. server.ts adds Next.js; tests
// start this alone on an ephemeral port.
import "./db/server-only";
import type { Server as HttpServer } from "node:http";
import { Server, type ServerOptions } from "socket.io";
import type { OpenDatabase } from "./db/open-database";
import type { Logger } from "./logger";
import { loadHistorySessions } from "./pools/history-sessions";
import { createPoolCatalog, loadBundledPools } from "./pools/pool-store";
import { createPresence } from "./realtime/presence";
import { DEFAULT_RATE_LIMIT, type RateLimit } from "./realtime/rate-limit";
import { roomOf } from "./realtime/rooms";
import { registerSocketHandlers } from "./realtime/socket-handlers";
import { systemClock, type TimerClock } from "./sessions/pick-clock";
import { createSessionQueries } from "./sessions/session-queries";
import { createSessionRepository } from "./sessions/session-repository";
import { createSessionRunner } from "./sessions/session-runner";
import { createSessionService } from "./sessions/session-service";

/** Engine.IO heartbeat: a dead peer is noticed within pingInterval + pingTimeout = 35 s, on both sides. */
export const HEARTBEAT = { pingInterval: 20_000, pingTimeout: 15_000 } as const;
/** 64 KiB: a larger message closes that connection (Engine.IO's own limit) and changes nothing. */
export const MAX_MESSAGE_BYTES = 64 * 1024;

export interface WarRoomOptions {
  httpServer: HttpServer;
  db: OpenDatabase;
  logger: Logger;
  clock?: TimerClock;
  rateLimit?: RateLimit;
  /** origins allowed to open a socket besides the page's own; empty = same origin only */
  allowedOrigins?: string[];
  /** extra Socket.IO options (the Redis adapter, in scale-out) */
  io?: Partial<ServerOptions>;
}

export async function createWarRoom(options: WarRoomOptions) {
  const { httpServer, db, logger } = options;
  const clock = options.clock ?? systemClock;
  await loadBundledPools(db.prisma);

  const io = new Server(httpServer, {
    ...HEARTBEAT,
    maxHttpBufferSize: MAX_MESSAGE_BYTES,
    allowRequest: (req, callback) => callback(null, originAllowed(req.headers.origin, req.headers.host, options.allowedOrigins ?? [])),
    ...options.io,
  });

  const repo = createSessionRepository(db.prisma);
  const pools = createPoolCatalog(db.prisma);
  await loadHistorySessions(db.prisma, repo, pools);
  const runner = createSessionRunner({
    repo,
    pools,
    clock,
    logger,
    sharedDatabase: db.kind === "postgres",
    broadcast: (sessionId, events) => {
      const room = io.to(roomOf(sessionId));
      for (const event of events) room.emit(event.type, event.payload);
    },
  });
  const now = () => clock.now();
  const service = createSessionService({ repo, pools, runner, now });
  const queries = createSessionQueries({ repo, pools, runner });
  const presence = createPresence(io, clock, async (sessionId) => {
    const loaded = await runner.load(sessionId);
    return loaded ? loaded.state.config.teams.map((team) => team.team_id) : [];
  });

  io.on("connection", (socket) =>
    registerSocketHandlers(socket, { service, logger, now, rateLimit: options.rateLimit ?? DEFAULT_RATE_LIMIT, presenceChanged: presence.changed }),
  );

  const resumed = await runner.resumeClocks();
  if (resumed) logger.info(`resumed clocks of ${resumed} running session(s)`);

  return {
    io,
    service,
    queries,
    db,
    async health() {
      await db.ping();
      return { db: "ok" as const, redis: "off" as const };
    },
    /** stops clocks, lets in-flight commands finish, closes sockets; the caller closes HTTP and the database */
    async close(): Promise<void> {
      presence.stop();
      await runner.stop();
      io.disconnectSockets(true);
      await new Promise<void>((resolve) => io.close(() => resolve()));
    },
  };
}

export type WarRoom = Awaited<ReturnType<typeof createWarRoom>>;

/** Browsers send Origin; same-origin pages and the configured origins may connect. Non-browser clients send none. */
export function originAllowed(origin: string | undefined, host: string | undefined, allowed: string[]): boolean {
  if (!origin) return true;
  if (allowed.includes(origin)) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
