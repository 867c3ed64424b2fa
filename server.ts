// WarRoom's composition root: environment → database → Socket.IO → Next.js → listen.
// Everything with behaviour lives in lib/; this file only wires it together.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import path from "node:path";
import next from "next";
import { openDatabase } from "./lib/server/db/open-database";
import { limitsOf, parseEnv } from "./lib/server/env";
import { checkDependencies, type HealthReport } from "./lib/server/health/dependency-health";
import { answerClientError, createHttpGuard, refuseConnect } from "./lib/server/http/http-guard";
import { serveApi } from "./lib/server/http/api-server";
import { registerHttpServices, type HttpServices } from "./lib/server/http/registry";
import { createReadiness } from "./lib/server/health/readiness";
import { logRequest } from "./lib/server/http/request-log";
import { createMetrics } from "./lib/server/metrics/metrics";
import { serveMetrics } from "./lib/server/metrics/metrics-endpoint";
import { captureConsole, createLogger } from "./lib/server/logger";
import { connectRedisBus } from "./lib/server/realtime/redis-bus";
import { createWarRoom } from "./lib/server/warroom";

function fail(message: string): never {
  process.stderr.write(`warroom: ${message}\n`);
  process.exit(1);
}

/** `npm start` on a fresh clone: build the web app once if there is no production build yet. */
function buildIfMissing(dir: string): void {
  if (existsSync(path.join(dir, ".next", "BUILD_ID"))) return;
  process.stdout.write("no production build found: running `next build` once (about a minute)…\n");
  const result = spawnSync(process.execPath, [require.resolve("next/dist/bin/next"), "build"], {
    cwd: dir,
    stdio: "inherit",
  });
  if (result.status !== 0) fail("next build failed");
}

async function main(): Promise<void> {
  // no network here but the package registry: Next must not try to send telemetry
  process.env.NEXT_TELEMETRY_DISABLED ??= "1";
  let env;
  try {
    env = parseEnv();
  } catch (error) {
    fail((error as Error).message);
  }
  const dev = env.NODE_ENV === "development";
  const logFormat = env.LOG_FORMAT ?? (dev ? "pretty" : "json");
  const logger = createLogger(env.LOG_LEVEL, undefined, logFormat);
  if (logFormat === "json") captureConsole(logger);
  const dir = process.cwd();

  // several nodes share rooms through Redis and state through PostgreSQL; the embedded database serves one process
  if (env.REDIS_URL && !env.DATABASE_URL)
    fail(
      "REDIS_URL is set but DATABASE_URL is not: several nodes need a shared PostgreSQL (the embedded database serves one process)",
    );
  const db = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: path.resolve(env.DATA_DIR) }).catch(
    (error: Error) => fail(`cannot open the database: ${error.message}`),
  );
  const redis = env.REDIS_URL
    ? await connectRedisBus(env.REDIS_URL, logger).catch((error: Error) => fail(error.message))
    : undefined;
  if (!dev) buildIfMissing(dir);

  const { limits, rateLimit } = limitsOf(env);
  // security headers on every response; origin, per-address rate and size checks on every write
  const guard = createHttpGuard({ allowedOrigins: env.ALLOWED_ORIGINS, limits, dev });
  let nextHandler: ((req: IncomingMessage, res: ServerResponse) => Promise<void>) | null = null;
  let apiServices: HttpServices | null = null;
  let health: () => Promise<HealthReport> = () => checkDependencies({ db, redis });
  const readiness = createReadiness(() => health());
  const metrics = createMetrics();
  const httpServer = createServer((req, res) => {
    logRequest(req, res, logger, metrics);
    if (guard(req, res)) return;
    if (readiness.handle(req, res)) return;
    if (serveMetrics(req, res, () => metrics, env.METRICS_TOKEN)) return;
    if (!nextHandler || !apiServices) return void res.writeHead(503).end("starting");
    // the API's own routes skip Next's page pipeline (api-server.ts); everything else is Next's
    if (serveApi(req, res, apiServices)) return;
    void nextHandler(req, res);
  });
  // slow clients: a request must arrive whole within these, or its connection is closed
  httpServer.requestTimeout = env.HTTP_REQUEST_TIMEOUT_MS;
  httpServer.headersTimeout = Math.min(env.HTTP_REQUEST_TIMEOUT_MS, 15_000);
  httpServer.on("connect", refuseConnect);
  httpServer.on("clientError", answerClientError);
  // without this, a port already in use can end the process with status 0
  httpServer.once("error", (error) => fail(`cannot listen on ${env.HOST}:${env.PORT}: ${error.message}`));

  const warroom = await createWarRoom({
    httpServer,
    db,
    logger,
    redis,
    allowedOrigins: env.ALLOWED_ORIGINS,
    limits,
    rateLimit,
    // in development Next's hot reload has its own WebSocket (below); in production a stray upgrade is closed
    io: { destroyUpgrade: !dev },
    metrics,
  });
  registerHttpServices(warroom.http);
  apiServices = warroom.http;
  health = warroom.health;

  // the port opens before Next.js is prepared, so /readyz can say "starting" (other requests get 503 meanwhile)
  await new Promise<void>((resolve) => httpServer.listen(env.PORT, env.HOST, resolve));
  const app = next({ dev, dir, hostname: env.HOST, port: env.PORT });
  await app.prepare();
  nextHandler = app.getRequestHandler();
  if (dev) {
    // Next's dev server needs its own WebSocket (hot reload); Socket.IO keeps /socket.io/
    const upgrade = app.getUpgradeHandler();
    httpServer.on("upgrade", (req, socket, head) => {
      if (!req.url?.startsWith("/socket.io/")) void upgrade(req, socket, head);
    });
  }

  readiness.started();
  logger.info(`listening on http://${env.HOST}:${env.PORT}`);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info(`${signal}: shutting down`);
    // load balancers see /readyz fail and stop sending new clients while the node still serves its own
    readiness.drain();
    if (env.SHUTDOWN_DRAIN_MS > 0) await new Promise((resolve) => setTimeout(resolve, env.SHUTDOWN_DRAIN_MS));
    // stop accepting connections, finish in-flight commands, send clients elsewhere, then close Redis and the database
    httpServer.close();
    await warroom.close().catch((error: Error) => logger.error("shutdown", { error: error.message }));
    await db.close().catch(() => {});
    logger.info("stopped");
    process.exit(0);
  };
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
