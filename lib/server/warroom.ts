// The WarRoom realtime core, without Next.js: database-backed sessions behind
// a Socket.IO server on a given HTTP server. server.ts adds Next.js; tests
// start this alone on an ephemeral port.
import "./db/server-only";
import type { Server as HttpServer, IncomingHttpHeaders } from "node:http";
import { Server, type ServerOptions } from "socket.io";
import type { OpenDatabase } from "./db/open-database";
import type { Logger } from "./logger";
import type { RedisBus } from "./realtime/redis-bus";
import { loadHistorySessions } from "./pools/history-sessions";
import { loadBundledPools } from "./pools/bundled-pools";
import { createImportedPools } from "./pools/imported-pools";
import { createPoolCatalog } from "./pools/pool-catalog";
import { createPoolService } from "./pools/pool-service";
import type { HttpServices } from "./http/registry";
import { createPresence } from "./realtime/presence";
import { createLastSeen } from "./sessions/last-seen";
import { DEFAULT_RATE_LIMIT, type RateLimit } from "./realtime/rate-limit";
import {
  type WarRoomServer,
  adminRoomOf,
  membershipsOf,
  parseRevocableRoom,
  revocableRoomOf,
  roomOf,
  seatRoomOf,
  sessionOfRoom,
  type SocketData,
} from "./realtime/rooms";
import { originAllowed } from "./http/http-guard";
import { coalesceWrites } from "./realtime/coalesced-writes";
import {
  clientAddress,
  createConnectionCounter,
  DEFAULT_LIMITS,
  isLoopback,
  type AbuseLimits,
} from "./security/limits";
import { registerSocketHandlers } from "./realtime/socket-handlers";
import { createChatRepository } from "./chat/chat-repository";
import { createChatService } from "./chat/chat-service";
import { systemClock, type TimerClock } from "./sessions/pick-clock";
import { createSessionQueries } from "./sessions/session-queries";
import { createSessionRepository } from "./sessions/session-repository";
import { createSessionRunner } from "./sessions/session-runner";
import { createAccess } from "./sessions/access";
import { createSessionCommands } from "./sessions/session-commands";
import { createSessionReads } from "./sessions/session-reads";
import { createSessionSetup } from "./sessions/session-setup";
import { checkDependencies } from "./health/dependency-health";
import { createMetrics, type Metrics } from "./metrics/metrics";
import { timedSql } from "./metrics/timed-sql";

/** Engine.IO heartbeat: a dead peer is noticed within pingInterval + pingTimeout = 35 s, on both sides. */
export const HEARTBEAT = { pingInterval: 20_000, pingTimeout: 15_000 } as const;
/** 64 KiB: a larger message closes that connection (Engine.IO's own limit) and changes nothing. */
export const MAX_MESSAGE_BYTES = 64 * 1024;
/** How often each node looks for running sessions whose clock work is overdue, and how late they must be. */
const SWEEP_INTERVAL_MS = 1000;
const SWEEP_GRACE_MS = 750;
/** On shutdown, how long finished commands' acknowledgements get to leave before sockets close. */
const ACK_FLUSH_MS = 150;
/** A connection that has not joined the namespace by then is closed (Socket.IO's default is 45 s). */
const CONNECT_TIMEOUT_MS = 10_000;
/** How often sockets that stopped reading are looked for. */
const SLOW_CLIENT_SWEEP_MS = 5000;
/** A session nobody has asked for in this long, with no clock work, leaves memory (read back on its next use). */
const SESSION_IDLE_EVICT_MS = 10 * 60_000;
const EVICTION_SWEEP_MS = 60_000;

export interface WarRoomOptions {
  httpServer: HttpServer;
  db: OpenDatabase;
  logger: Logger;
  clock?: TimerClock;
  rateLimit?: RateLimit;
  /** origins allowed to open a socket besides the page's own; empty = same origin only */
  allowedOrigins?: string[];
  /** extra Socket.IO options */
  io?: Partial<ServerOptions>;
  /** scale-out: rooms shared with other nodes through Redis */
  redis?: RedisBus;
  /** abuse limits; unset fields take DEFAULT_LIMITS */
  limits?: Partial<AbuseLimits>;
  /** where this node's metrics go (GET /metrics); a registry of its own by default */
  metrics?: Metrics;
}

/** How often Redis's round trip is sampled into warroom_redis_ping_seconds. */
const REDIS_PING_INTERVAL_MS = 5000;

export async function createWarRoom(options: WarRoomOptions) {
  const { httpServer, db, logger } = options;
  const clock = options.clock ?? systemClock;
  const limits: AbuseLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const metrics = options.metrics ?? createMetrics();
  const sql = timedSql(db.sql, metrics);
  await loadBundledPools(db.prisma);

  // concurrent connections per address, counted from the Engine.IO handshake to the close
  const connections = createConnectionCounter(limits.connectionsPerIp);
  const addressOf = (req: { socket: { remoteAddress?: string }; headers: IncomingHttpHeaders }) =>
    clientAddress(req.socket.remoteAddress, req.headers, limits.trustProxy);
  const limited = (address: string) => !(limits.exemptLoopback && isLoopback(address));

  const io: WarRoomServer = new Server(httpServer, {
    ...HEARTBEAT,
    connectTimeout: CONNECT_TIMEOUT_MS,
    maxHttpBufferSize: MAX_MESSAGE_BYTES,
    allowRequest: (req, callback) => {
      if (!originAllowed(req.headers.origin, req.headers.host, options.allowedOrigins ?? []))
        return callback("origin not allowed", false);
      const address = addressOf(req);
      if (limited(address) && connections.full(address))
        return callback("rate_limited: too many connections from your address", false);
      callback(null, true);
    },
    ...(options.redis ? { adapter: options.redis.adapter } : {}),
    ...options.io,
  });
  const { redis } = options;

  const repo = createSessionRepository(db.prisma, sql);
  const pools = createPoolCatalog(db.prisma);
  await loadHistorySessions(db.prisma, repo, pools);
  const runner = createSessionRunner({
    repo,
    pools,
    clock,
    logger,
    sharedDatabase: db.kind === "postgres",
    commitBlocker: () =>
      redis && !redis.ready() ? "the connection between servers (Redis) is down; try again in a moment" : null,
    broadcast: (sessionId, events) => {
      const room = io.to(roomOf(sessionId));
      // a logged event's payload is its type's (SessionEvent pairs them); TypeScript cannot follow the pair through emit
      for (const event of events) {
        (room.emit as (type: string, payload: unknown) => boolean)(event.type, event.payload);
        if (event.type === "draft_pick") metrics.picks.inc({ auto: String(event.payload.pick.auto) });
      }
    },
  });
  const now = () => clock.now();
  const access = createAccess({
    repo,
    runner,
    // empty the seat room on every node: each node demotes and tells its own sockets (leave-room, below)
    seatRevoked: (sessionId, teamId) =>
      io.in(seatRoomOf(sessionId, teamId)).socketsLeave(seatRoomOf(sessionId, teamId)),
    adminRevoked: (sessionId) => io.in(adminRoomOf(sessionId)).socketsLeave(adminRoomOf(sessionId)),
  });
  const chat = createChatService({
    repo: createChatRepository(db.prisma),
    mustExist: runner.mustLoad,
    now,
    blocker: () =>
      redis && !redis.ready() ? "the connection between servers (Redis) is down; try again in a moment" : null,
    broadcast: {
      message: (sessionId, message) =>
        io.to(roomOf(sessionId)).emit("chat_message", { session_id: sessionId, message }),
      cleared: (sessionId) => io.to(roomOf(sessionId)).emit("chat_cleared", { session_id: sessionId }),
    },
  });
  const commands = createSessionCommands({ repo, runner, now, clearChat: chat.clear });
  const reads = createSessionReads({ repo, runner, now });
  const setup = createSessionSetup({ repo, pools, activeSessionsPerLeague: limits.activeSessionsPerLeague });
  const queries = createSessionQueries({ repo, runner, now });
  const poolService = createPoolService({
    catalog: pools,
    store: createImportedPools(sql),
    leagueOf: access.leagueOf,
    now,
    logger,
  });
  const lastSeen = createLastSeen(repo, now);
  const presence = createPresence(
    io,
    clock,
    async (sessionId) => {
      const loaded = await runner.load(sessionId);
      return loaded ? loaded.state.config.teams.map((team) => team.team_id) : [];
    },
    lastSeen.seen,
  );

  coalesceWrites(io.engine);
  io.engine.on(
    "connection",
    (raw: { request: Parameters<typeof addressOf>[0]; once(event: "close", listener: () => void): void }) => {
      const address = addressOf(raw.request);
      if (limited(address)) raw.once("close", connections.opened(address));
    },
  );

  // a socket that leaves a seat (or admin) room while still holding that role was revoked: it watches from now on
  io.of("/").adapter.on("leave-room", (room: string, id: string) => {
    const revoked = parseRevocableRoom(room);
    const socket = revoked && io.of("/").sockets.get(id);
    if (!revoked || !socket || (socket.data as SocketData).closing) return;
    const memberships = membershipsOf(socket.data);
    const role = memberships[revoked.sessionId];
    if (!role || revocableRoomOf(revoked.sessionId, role) !== room) return;
    memberships[revoked.sessionId] = { role: "spectator" };
    if (revoked.role === "team")
      socket.emit("seat_revoked", { session_id: revoked.sessionId, team_id: revoked.teamId });
    else socket.emit("admin_revoked", { session_id: revoked.sessionId });
    presence.changed(revoked.sessionId);
  });

  const localRoomSize = (room: string) => io.of("/").adapter.rooms.get(room)?.size ?? 0;
  io.on("connection", (socket) =>
    registerSocketHandlers(socket, {
      access,
      commands,
      reads,
      chat,
      logger,
      metrics,
      now,
      rateLimit: options.rateLimit ?? DEFAULT_RATE_LIMIT,
      presenceChanged: presence.changed,
      localRoomSize,
      socketsPerSession: limits.socketsPerSession,
    }),
  );

  // a client that stops reading would make its outgoing queue grow for ever: drop it, it can reconnect and resync
  const slowClientSweep = setInterval(() => {
    for (const socket of io.of("/").sockets.values()) {
      const queued = (socket.conn as unknown as { writeBuffer?: unknown[] }).writeBuffer?.length ?? 0;
      if (queued > limits.slowClientPackets) socket.disconnect(true);
    }
  }, SLOW_CLIENT_SWEEP_MS);
  slowClientSweep.unref();

  const outgoingQueue = (socket: { conn: unknown }) =>
    (socket.conn as { writeBuffer?: unknown[] }).writeBuffer?.length ?? 0;
  metrics.bind({
    socketConnections: () => io.of("/").sockets.size,
    sessionsLoaded: () => runner.resident(),
    outgoingQueues: () => [...io.of("/").sockets.values()].map(outgoingQueue),
    redisReady: () => (redis ? redis.ready() : null),
  });
  const redisProbe = redis
    ? setInterval(() => {
        if (!redis.ready()) return;
        const stop = metrics.redisPing.startTimer();
        redis.ping().then(
          () => stop(),
          () => {},
        );
      }, REDIS_PING_INTERVAL_MS)
    : undefined;
  redisProbe?.unref();

  const resumed = await runner.resumeClocks();
  if (resumed) logger.info(`resumed clocks of ${resumed} running session(s)`);
  // another node may die holding a session's timer: every node picks up what is overdue
  if (db.kind === "postgres") runner.startSweep(SWEEP_INTERVAL_MS, SWEEP_GRACE_MS);
  runner.startEviction(EVICTION_SWEEP_MS, SESSION_IDLE_EVICT_MS);
  // broadcasts made while Redis was away may not have reached other nodes: tell every local client the latest seq
  redis?.onRecovered(() => void announceSeqs());

  /** Sends each session room's latest seq to this node's sockets; a client that is behind re-joins with last_seq. */
  async function announceSeqs(): Promise<void> {
    for (const room of io.of("/").adapter.rooms.keys()) {
      const sessionId = sessionOfRoom(room);
      if (!sessionId) continue;
      const loaded = await runner.current(sessionId).catch(() => null);
      if (loaded) io.local.to(room).emit("session_seq", { session_id: sessionId, seq: loaded.state.seq });
    }
  }

  /** each dependency "ok" or "down" within a second; /healthz answers 503 when one is down */
  const health = () => checkDependencies({ db, redis });
  const http: HttpServices = { access, commands, reads, chat, setup, queries, pools: poolService, health };

  return {
    io,
    /** what the HTTP routes call (server.ts registers it for Next.js's route handlers) */
    http,
    /** for tests and metrics: addresses with open connections (per-address limits on) */
    connectionAddresses: () => connections.size(),
    access,
    commands,
    reads,
    chat,
    setup,
    queries,
    pools: poolService,
    db,
    /** for tests and metrics: sessions held in memory */
    residentSessions: () => runner.resident(),
    /**
     * Resolves once every command queued so far has finished: after moving a
     * fake clock, a test waits on this, not on a guess at how long work takes.
     */
    settled: () => runner.settled(),
    health,
    /** this node's metrics (GET /metrics) */
    metrics,
    /**
     * Stops clocks and new commands, lets in-flight commands finish, then drops this
     * node's sockets (their clients reconnect, to another node behind a balancer)
     * and closes Redis. The caller closes the database.
     */
    async close(): Promise<void> {
      clearInterval(slowClientSweep);
      clearInterval(redisProbe);
      presence.stop();
      await runner.stop();
      // let the acknowledgements of the commands that just finished reach their sockets first
      await new Promise((resolve) => setTimeout(resolve, ACK_FLUSH_MS));
      io.local.emit("server_shutdown", { reconnect: true });
      io.local.disconnectSockets(true);
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await redis?.close();
    },
  };
}

export type WarRoom = Awaited<ReturnType<typeof createWarRoom>>;
