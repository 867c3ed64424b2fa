// The environment contract (PROTOCOL.md, "Running"), parsed once at start-up.
import { z } from "zod";
import { DEFAULT_RATE_LIMIT, type RateLimit } from "./realtime/rate-limit";
import { DEFAULT_LIMITS, type AbuseLimits } from "./security/limits";

const positive = (fallback: number) => z.coerce.number().int().min(1).default(fallback);
const flag = (fallback: boolean) =>
  z
    .enum(["0", "1", "true", "false", ""])
    .optional()
    .transform((value) => (value === undefined || value === "" ? fallback : value === "1" || value === "true"));

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, "REDIS_URL must be a redis:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  ALLOWED_ORIGINS: z
    .string()
    .optional()
    .transform((value) =>
      value
        ? value
            .split(",")
            .map((origin) => origin.trim())
            .filter(Boolean)
        : [],
    ),
  // GET /metrics: loopback only when unset; with it, only `Authorization: Bearer <METRICS_TOKEN>`
  METRICS_TOKEN: z.string().min(16, "METRICS_TOKEN must be at least 16 characters").optional(),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  // JSON lines for log collectors; "pretty" for a person at a terminal (the default under `npm run dev`)
  LOG_FORMAT: z.enum(["json", "pretty"]).optional(),
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  // abuse limits (README, "Security")
  MAX_CONNECTIONS_PER_IP: positive(DEFAULT_LIMITS.connectionsPerIp),
  HTTP_WRITE_BURST: positive(DEFAULT_LIMITS.httpWriteBurst),
  HTTP_WRITES_PER_MINUTE: positive(DEFAULT_LIMITS.httpWritesPerMinute),
  MAX_SOCKETS_PER_SESSION: positive(DEFAULT_LIMITS.socketsPerSession),
  MAX_ACTIVE_SESSIONS_PER_LEAGUE: positive(DEFAULT_LIMITS.activeSessionsPerLeague),
  SLOW_CLIENT_PACKETS: positive(DEFAULT_LIMITS.slowClientPackets),
  SOCKET_EVENT_BURST: positive(DEFAULT_RATE_LIMIT.burst),
  SOCKET_EVENTS_PER_SECOND: positive(DEFAULT_RATE_LIMIT.perSecond),
  HTTP_REQUEST_TIMEOUT_MS: positive(30_000),
  // after SIGTERM, /readyz says "draining" this long before the node stops taking connections (0: stop at once)
  SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0).max(120_000).default(0),
  LIMIT_LOOPBACK: flag(!DEFAULT_LIMITS.exemptLoopback),
  TRUST_PROXY: flag(DEFAULT_LIMITS.trustProxy),
});

export type Env = z.infer<typeof envSchema>;

/** Parses the environment or throws one readable message naming every bad variable. */
export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
  throw new Error(`bad environment: ${problems}`);
}

/** The abuse limits and per-socket event rate the environment asks for. */
export function limitsOf(env: Env): { limits: AbuseLimits; rateLimit: RateLimit } {
  return {
    limits: {
      connectionsPerIp: env.MAX_CONNECTIONS_PER_IP,
      httpWriteBurst: env.HTTP_WRITE_BURST,
      httpWritesPerMinute: env.HTTP_WRITES_PER_MINUTE,
      socketsPerSession: env.MAX_SOCKETS_PER_SESSION,
      activeSessionsPerLeague: env.MAX_ACTIVE_SESSIONS_PER_LEAGUE,
      slowClientPackets: env.SLOW_CLIENT_PACKETS,
      exemptLoopback: !env.LIMIT_LOOPBACK,
      trustProxy: env.TRUST_PROXY,
    },
    rateLimit: { burst: env.SOCKET_EVENT_BURST, perSecond: env.SOCKET_EVENTS_PER_SECOND },
  };
}
