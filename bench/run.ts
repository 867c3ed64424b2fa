// `npm run bench` (full) and `npm run bench -- --quick` (CI-sized).
// Starts production WarRoom servers (server.ts, NODE_ENV=production, a temp
// DATA_DIR or a fresh PostgreSQL database) and a bare Socket.IO relay, drives
// them from load-generator processes, prints one JSON line per scenario on
// stdout, then a table. Exits non-zero only on lost deliveries or errors,
// never on timing. See README.md, "Performance".
import { existsSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import { nowMs } from "./support/clock";
import { httpStats } from "./support/http";
import { createBenchDatabase, type BenchDatabase } from "./support/postgres";
import {
  createDataDirFactory,
  killAll,
  removeDir,
  ROOT,
  startBareRelay,
  startWarRoom,
  tempDir,
  waitForBuildLock,
  type ServerHandle,
} from "./support/processes";
import { log } from "./scenarios/common";
import { runFanout, type FanoutOptions, type FanoutResult } from "./scenarios/fanout";
import { runImport } from "./scenarios/import";
import { runIdle, type IdleOptions } from "./scenarios/idle";
import { runManyRooms, type ManyRoomsOptions } from "./scenarios/many-rooms";
import { runSoloMock } from "./scenarios/solo-mock";
import { formatTable, type Row } from "./report";
import { fanoutOutcome, idleOutcome, manyRoomsOutcome, twoNodesOutcome, type Outcome } from "./outcomes";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const only = (args.find((a) => a.startsWith("--only="))?.slice("--only=".length) ?? process.env.BENCH_ONLY ?? "")
  .split(",")
  .map((s) => s.trim())
  .filter(Boolean);
const wanted = (name: string) => only.length === 0 || only.includes(name);
const num = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);

const fanoutOptions: FanoutOptions = {
  clients: num("BENCH_FANOUT_CLIENTS", quick ? 50 : 1000),
  picks: num("BENCH_FANOUT_PICKS", quick ? 10 : 100),
  generators: num("BENCH_FANOUT_GENERATORS", quick ? 2 : 4),
  minIntervalMs: num("BENCH_PICK_INTERVAL_MS", 60),
  perPickTimeoutMs: 5000,
};
const roomsOptions: ManyRoomsOptions = {
  sessions: num("BENCH_ROOMS_SESSIONS", quick ? 5 : 200),
  clientsPerSession: num("BENCH_ROOMS_CLIENTS", quick ? 3 : 10),
  rounds: num("BENCH_ROOMS_ROUNDS", quick ? 1 : 7),
  generators: num("BENCH_ROOMS_GENERATORS", quick ? 2 : 4),
  timeoutMs: quick ? 60_000 : 900_000,
};
const idleOptions: IdleOptions = {
  clients: num("BENCH_IDLE_CLIENTS", quick ? 200 : 10_000),
  sessions: num("BENCH_IDLE_SESSIONS", quick ? 10 : 500),
  generators: num("BENCH_IDLE_GENERATORS", quick ? 2 : 5),
  settleMs: quick ? 1000 : 10_000,
  windowMs: quick ? 2000 : 30_000,
};
const soloRuns = num("BENCH_SOLO_RUNS", quick ? 1 : 3);
const importRuns = num("BENCH_IMPORT_RUNS", quick ? 2 : 5);
const importSize = num("BENCH_IMPORT_PROSPECTS", 2000);
const databaseUrl = process.env.DATABASE_URL || undefined;
const redisUrl = process.env.REDIS_URL || undefined;

for (const [name, value] of [
  ["DATABASE_URL", databaseUrl],
  ["REDIS_URL", redisUrl],
] as const) {
  if (
    value &&
    !/^(postgres(ql)?|rediss?):\/\/(\w+(:[^@]*)?@)?(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/.test(value)
  ) {
    process.stderr.write(`bench: ${name} must point at a loopback address (127.0.0.1/localhost)\n`);
    process.exit(2);
  }
}

const outcomes: Outcome[] = [];
const servers = new Set<ServerHandle>();
let database: BenchDatabase | null = null;
const freshDataDir = createDataDirFactory();
let sharedEmbedded: Promise<ServerHandle> | null = null;

/** A WarRoom server on a fresh embedded database (a full run gives each scenario its own; --quick shares one). */
async function embeddedServer(name: string): Promise<ServerHandle> {
  if (quick) {
    sharedEmbedded ??= (async () =>
      track(await startWarRoom("warroom (embedded)", { dataDir: tempDir("warroom-bench-data-") })))();
    return sharedEmbedded;
  }
  return track(await startWarRoom(name, { dataDir: await freshDataDir() }));
}
const release = async (server: ServerHandle) => {
  if (quick && sharedEmbedded && server === (await sharedEmbedded.catch(() => null))) return;
  await stopServer(server);
};
/** Runs `work` with a server and always releases it; an error carries the end of the server's log. */
async function using<T>(start: Promise<ServerHandle>, work: (server: ServerHandle) => Promise<T>): Promise<T> {
  const server = await start;
  try {
    return await work(server);
  } catch (error) {
    const tail = server.output().trim().split("\n").slice(-15).join("\n");
    throw new Error(`${(error as Error).message}\n--- ${server.name} log (last lines) ---\n${tail}`, { cause: error });
  } finally {
    await release(server);
  }
}
function track(server: ServerHandle): ServerHandle {
  servers.add(server);
  return server;
}
async function stopServer(server: ServerHandle): Promise<void> {
  servers.delete(server);
  await server.stop();
  if (server.dataDir) removeDir(server.dataDir);
}
async function benchDatabase(): Promise<BenchDatabase> {
  database ??= await createBenchDatabase(databaseUrl!);
  return database;
}

function emit(outcome: Outcome): void {
  outcomes.push(outcome);
  process.stdout.write(
    JSON.stringify({
      scenario: outcome.scenario,
      quick,
      ...(outcome.result ?? {}),
      ...(outcome.error ? { error: outcome.error } : {}),
    }) + "\n",
  );
}

async function scenario(name: string, body: () => Promise<Omit<Outcome, "scenario">>): Promise<void> {
  if (!wanted(name)) return;
  const started = nowMs();
  const loadBefore = loadavg()[0]!;
  log(`── ${name} ── (load average ${loadBefore.toFixed(2)})`);
  try {
    const outcome = await body();
    // the machine's 1-minute load average before and after: other work on the same machine shows in every figure
    emit({
      scenario: name,
      ...outcome,
      result: {
        ...outcome.result,
        seconds_total: Number(((nowMs() - started) / 1000).toFixed(1)),
        load_avg: [Number(loadBefore.toFixed(2)), Number(loadavg()[0]!.toFixed(2))],
      },
    });
  } catch (error) {
    emit({
      scenario: name,
      error: (error as Error).stack ?? String(error),
      lost: 0,
      rows: [{ scenario: name, measure: "error", value: (error as Error).message.split("\n")[0]!, met: false }],
    });
  }
  log(`${name}: ${((nowMs() - started) / 1000).toFixed(1)} s`);
}

async function main(): Promise<void> {
  const began = nowMs();
  await waitForBuildLock(log);
  if (!existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
    process.stderr.write("bench: no production build of the web app (.next/BUILD_ID); run `npx next build` first\n");
    process.exit(2);
  }
  log(
    `${quick ? "quick" : "full"} run on ${cpus().length} cores, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}; PostgreSQL ${databaseUrl ? "on" : "off"}, Redis ${redisUrl ? "on" : "off"}`,
  );

  await scenario("solo-mock", async () => {
    const rows: Row[] = [];
    const result: Record<string, unknown> = {};
    let lost = 0;
    let errors = 0;
    const local = await using(embeddedServer("warroom (solo, embedded)"), (server) =>
      runSoloMock(server.url, soloRuns),
    );
    result.embedded = local;
    lost += local.lost;
    errors += local.errors.length;
    rows.push({
      scenario: "solo mock",
      measure: "embedded (PGlite): start → complete",
      value: `${local.picks} picks in ${local.wall_ms_median} ms (median of ${local.runs}: ${local.wall_ms.join(", ")} ms)`,
      target: "< 1000 ms",
      met: local.runs > 0 && local.wall_ms_median < 1000,
    });
    if (databaseUrl) {
      const db = await benchDatabase();
      const pg = await using(
        startWarRoom("warroom (solo, PostgreSQL)", { databaseUrl: db.url }).then(track),
        (server) => runSoloMock(server.url, soloRuns),
      );
      result.postgres = pg;
      lost += pg.lost;
      errors += pg.errors.length;
      rows.push({
        scenario: "solo mock",
        measure: "PostgreSQL: start → complete",
        value: `${pg.picks} picks in ${pg.wall_ms_median} ms (median of ${pg.runs}: ${pg.wall_ms.join(", ")} ms)`,
      });
    } else {
      rows.push({ scenario: "solo mock", measure: "PostgreSQL", value: "skipped (DATABASE_URL unset)" });
    }
    if (errors)
      rows.push({
        scenario: "solo mock",
        measure: "errors",
        value: JSON.stringify([
          ...(local.errors ?? []),
          ...((result.postgres as { errors?: string[] } | undefined)?.errors ?? []),
        ]),
        met: false,
      });
    return { result, lost, rows, ...(errors ? { error: "solo mock errors" } : {}) };
  });

  await scenario("import", async () => {
    const rows: Row[] = [];
    const result: Record<string, unknown> = {};
    const describe = (r: Awaited<ReturnType<typeof runImport>>) =>
      `server ${r.server_ms_median} ms, request ${r.wall_ms_median} ms (medians of ${r.runs}; server ${r.server_ms.join(", ")} ms) for ${r.body_kib} KiB`;
    const local = await using(embeddedServer("warroom (import, embedded)"), (server) =>
      runImport(server.url, importRuns, importSize),
    );
    result.embedded = local;
    rows.push({
      scenario: "import",
      measure: `${importSize}-prospect CSV, embedded (PGlite)`,
      value: describe(local),
      target: "< 1000 ms",
      met: local.runs > 0 && local.errors.length === 0 && local.server_ms_median < 1000,
    });
    let errors = local.errors;
    if (databaseUrl) {
      const db = await benchDatabase();
      const pg = await using(
        startWarRoom("warroom (import, PostgreSQL)", { databaseUrl: db.url }).then(track),
        (server) => runImport(server.url, importRuns, importSize),
      );
      result.postgres = pg;
      errors = [...errors, ...pg.errors];
      rows.push({ scenario: "import", measure: `${importSize}-prospect CSV, PostgreSQL`, value: describe(pg) });
    }
    if (errors.length) rows.push({ scenario: "import", measure: "errors", value: JSON.stringify(errors), met: false });
    return { result, lost: 0, rows, ...(errors.length ? { error: errors.join("; ") } : {}) };
  });

  let oneNodeFanout: FanoutResult | null = null;
  await scenario("fan-out", async () => {
    const [warroom, relay] = await using(embeddedServer("warroom (fan-out)"), (server) =>
      using(startBareRelay().then(track), (relayServer) =>
        runFanout(
          [
            {
              label: "WarRoom",
              kind: "warroom",
              clientUrls: [server.url],
              pickerUrl: server.url,
              serverPids: [server.pid],
            },
            {
              label: "bare relay",
              kind: "relay",
              clientUrls: [relayServer.url],
              pickerUrl: relayServer.url,
              serverPids: [relayServer.pid],
            },
          ],
          fanoutOptions,
        ),
      ),
    );
    oneNodeFanout = warroom!;
    return fanoutOutcome(warroom!, relay!);
  });

  await scenario("many-rooms", async () => {
    const r = await using(embeddedServer("warroom (many rooms)"), (server) =>
      runManyRooms(server.url, server.pid, roomsOptions),
    );
    return manyRoomsOutcome(r, roomsOptions.clientsPerSession);
  });

  await scenario("idle", async () => {
    const r = await using(embeddedServer("warroom (idle)"), (server) => runIdle(server.url, server.pid, idleOptions));
    return idleOutcome(r, idleOptions.clients);
  });

  await scenario("two-nodes", async () => {
    if (!databaseUrl || !redisUrl) {
      return {
        result: { skipped: "needs DATABASE_URL and REDIS_URL" },
        lost: 0,
        rows: [
          {
            scenario: "two nodes",
            measure: "fan-out over two nodes",
            value: "skipped (needs DATABASE_URL and REDIS_URL)",
          },
        ],
      };
    }
    const db = await benchDatabase();
    const [one, two] = await using(startWarRoom("warroom node A", { databaseUrl: db.url, redisUrl }).then(track), (a) =>
      using(startWarRoom("warroom node B", { databaseUrl: db.url, redisUrl }).then(track), (b) =>
        runFanout(
          [
            {
              label: "1 node (PostgreSQL + Redis)",
              kind: "warroom",
              clientUrls: [a.url],
              pickerUrl: a.url,
              serverPids: [a.pid],
            },
            {
              label: "2 nodes (PostgreSQL + Redis)",
              kind: "warroom",
              clientUrls: [a.url, b.url],
              pickerUrl: a.url,
              serverPids: [a.pid, b.pid],
            },
          ],
          fanoutOptions,
        ),
      ),
    ).then((results) => results as [FanoutResult, FanoutResult]);
    return twoNodesOutcome(one, two, oneNodeFanout);
  });

  const seconds = (nowMs() - began) / 1000;
  process.stdout.write(
    `\n${formatTable(
      outcomes.flatMap((o) => o.rows),
      { quick },
    )}\n`,
  );
  if (httpStats.retried429)
    process.stdout.write(
      `note: the server answered 429 ${httpStats.retried429} time(s); the bench waited and retried\n`,
    );
  const lost = outcomes.reduce((n, o) => n + o.lost, 0);
  const failed = outcomes.filter((o) => o.error);
  process.stdout.write(
    `${quick ? "quick" : "full"} run: ${seconds.toFixed(0)} s; lost ${lost}; ${failed.length ? `errors in ${failed.map((o) => o.scenario).join(", ")}` : "no errors"}\n`,
  );
  if (quick)
    process.stdout.write(
      "(--quick sizes are far below the targets' sizes: the 'met' column is informative only; timing never fails the run)\n",
    );
  process.exitCode = lost > 0 || failed.length > 0 ? 1 : 0;
}

async function cleanup(): Promise<void> {
  await Promise.allSettled([...servers].map((server) => server.stop(5000)));
  if (sharedEmbedded) await sharedEmbedded.then((s) => s.stop(5000)).catch(() => {});
  await database?.drop().catch((error: Error) => log(`could not drop the bench database: ${error.message}`));
  killAll();
}

process.on("exit", killAll);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    log(`${signal}: stopping every child`);
    void cleanup().finally(() => process.exit(130));
  });
}
// a bound on the whole run: nothing here may hang a CI job
const watchdog = setTimeout(
  () => {
    log("the bench ran past its time limit; stopping");
    void cleanup().finally(() => process.exit(1));
  },
  num("BENCH_MAX_MS", quick ? 300_000 : 2_700_000),
);
watchdog.unref();

main()
  .catch((error: unknown) => {
    log(`failed: ${(error as Error).stack ?? String(error)}`);
    process.exitCode = 1;
  })
  .finally(() => void cleanup().finally(() => process.exit(process.exitCode ?? 0)));
