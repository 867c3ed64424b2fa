// What an operator scrapes from GET /metrics (prom-client, Prometheus text):
// the contract's metrics (PROTOCOL.md v2 "Metrics") plus what shows a slow
// database, a slow or absent Redis, clients that stop reading, and a node
// falling behind (event-loop lag from the defaults, commands in flight).
// prom-client because it is the Prometheus client for Node everyone scrapes;
// its default metrics bring process and event-loop figures for free.
import "../db/server-only";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

/** Seconds: a command or query is judged in milliseconds, a stall in seconds. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/** Live figures read at scrape time from the running node. */
export interface MetricsSources {
  socketConnections(): number;
  sessionsLoaded(): number;
  /** packets queued to each connected socket and not yet written */
  outgoingQueues(): number[];
  /** null: Redis not configured */
  redisReady(): boolean | null;
}

export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  let sources: MetricsSources | null = null;

  const metrics = {
    registry,
    commands: new Counter({
      name: "warroom_commands_total",
      help: "Socket commands answered, by event and outcome (ok or the error code)",
      labelNames: ["event", "outcome"] as const,
      registers,
    }),
    commandDuration: new Histogram({
      name: "warroom_command_duration_seconds",
      help: "Time from a socket command's arrival to its acknowledgement",
      labelNames: ["event"] as const,
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    commandsInFlight: new Gauge({
      name: "warroom_commands_in_flight",
      help: "Socket commands received and not yet acknowledged: a node falling behind shows here first",
      registers,
    }),
    picks: new Counter({
      name: "warroom_picks_total",
      help: "Picks persisted and broadcast by this node, by whether the clock or a CPU GM made them",
      labelNames: ["auto"] as const,
      registers,
    }),
    dbQueryDuration: new Histogram({
      name: "warroom_db_query_duration_seconds",
      help: "Hot-path SQL statements, by statement name (failed ones included)",
      labelNames: ["statement"] as const,
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    dbQueryErrors: new Counter({
      name: "warroom_db_query_errors_total",
      help: "Hot-path SQL statements that failed, by statement name",
      labelNames: ["statement"] as const,
      registers,
    }),
    httpRequests: new Counter({
      name: "warroom_http_requests_total",
      help: "HTTP requests answered, by method and status",
      labelNames: ["method", "status"] as const,
      registers,
    }),
    httpDuration: new Histogram({
      name: "warroom_http_request_duration_seconds",
      help: "HTTP request duration, by kind of path (api, page, asset, health)",
      labelNames: ["kind"] as const,
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    redisPing: new Histogram({
      name: "warroom_redis_ping_seconds",
      help: "Round trip of a PING to Redis, every 5 s (only with REDIS_URL)",
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    /** the running node tells the gauges where to read */
    bind(live: MetricsSources) {
      sources = live;
    },
  };

  new Gauge({
    name: "warroom_socket_connections",
    help: "Socket.IO connections open on this node",
    registers,
    collect() {
      this.set(sources?.socketConnections() ?? 0);
    },
  });
  new Gauge({
    name: "warroom_sessions_loaded",
    help: "Draft sessions held in this node's memory",
    registers,
    collect() {
      this.set(sources?.sessionsLoaded() ?? 0);
    },
  });
  new Gauge({
    name: "warroom_socket_outgoing_packets",
    help: "Packets queued to clients and not yet written: sum over sockets, and the largest one socket holds",
    labelNames: ["stat"] as const,
    registers,
    collect() {
      const queues = sources?.outgoingQueues() ?? [];
      this.set(
        { stat: "sum" },
        queues.reduce((sum, n) => sum + n, 0),
      );
      this.set(
        { stat: "max" },
        queues.reduce((max, n) => Math.max(max, n), 0),
      );
    },
  });
  new Gauge({
    name: "warroom_redis_up",
    help: "1 when both Redis connections are ready, 0 when not; absent without REDIS_URL",
    registers,
    collect() {
      const ready = sources?.redisReady() ?? null;
      if (ready === null) this.reset();
      else this.set(ready ? 1 : 0);
    },
  });

  return metrics;
}

export type Metrics = ReturnType<typeof createMetrics>;

/** "api", "page", "asset" or "health": a label with few values, whatever paths clients send. */
export function pathKind(path: string): string {
  if (path.startsWith("/api/")) return "api";
  if (path.startsWith("/_next/") || /\.[a-z0-9]+$/i.test(path)) return "asset";
  if (path === "/healthz" || path === "/readyz" || path === "/metrics") return "health";
  return "page";
}
