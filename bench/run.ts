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

interface Outcome {
  scenario: string;
  result?: Record<string, unknown>;
  error?: string;
  /** lost deliveries/events (a failure of the run) */
  lost: number;
  rows: Row[];
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

const ms = (v: number) => `${v.toFixed(1)} ms`;
const lat = (r: FanoutResult) =>
  `p50 ${ms(r.latency_ms.p50)} · p90 ${ms(r.latency_ms.p90)} · p99 ${ms(r.latency_ms.p99)} · max ${ms(r.latency_ms.max)}`;
const fanoutErrors = (r: FanoutResult) =>
  r.errors.length > 0 || r.rejected_picks > 0 || r.connect_failed > 0 || r.disconnects > 0;

function fanoutOutcome(warroom: FanoutResult, relay: FanoutResult): Omit<Outcome, "scenario"> {
  const ratio = warroom.latency_ms.p99 / relay.latency_ms.p99;
  const lost = warroom.lost + relay.lost;
  const rows: Row[] = [
    {
      scenario: "fan-out",
      measure: `WarRoom, ${warroom.clients} clients × ${warroom.picks} picks`,
      value: `${lat(warroom)}; lost ${warroom.lost}; server CPU ${warroom.server_cpu_cores[0]} cores (averaged over the interleaved run)`,
    },
    {
      scenario: "fan-out",
      measure: `bare relay, ${relay.clients} clients × ${relay.picks} picks`,
      value: `${lat(relay)}; lost ${relay.lost}; server CPU ${relay.server_cpu_cores[0]} cores (same)`,
    },
    {
      scenario: "fan-out",
      measure: "p99 WarRoom / relay",
      value: `${ratio.toFixed(2)}× (p50 ${(warroom.latency_ms.p50 / relay.latency_ms.p50).toFixed(2)}×)`,
      target: "≤ 1.3×, 0 lost",
      met: ratio <= 1.3 && lost === 0,
    },
  ];
  const failed = fanoutErrors(warroom) || fanoutErrors(relay);
  return {
    result: {
      warroom,
      relay,
      p99_ratio: Number(ratio.toFixed(3)),
      p50_ratio: Number((warroom.latency_ms.p50 / relay.latency_ms.p50).toFixed(3)),
    },
    lost,
    rows,
    ...(failed
      ? {
          error: [...warroom.errors, ...relay.errors].join("; ") || "rejected picks, failed connections or disconnects",
        }
      : {}),
  };
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
    const allDone = r.complete === r.sessions;
    const rows: Row[] = [
      {
        scenario: "many rooms",
        measure: `${r.sessions} CPU drafts × ${roomsOptions.clientsPerSession} clients, embedded`,
        value: `${r.complete}/${r.sessions} complete, ${r.picks} picks in ${r.seconds} s; lost ${r.lost}, dup ${r.duplicates}, out of order ${r.out_of_order}`,
      },
      {
        scenario: "many rooms",
        measure: "throughput",
        value: `${r.picks_per_s} picks/s`,
        target: "≥ 1000 picks/s, all complete, 0 lost",
        met: allDone && r.lost === 0 && r.picks_per_s >= 1000,
      },
      {
        scenario: "many rooms",
        measure: "server",
        value: `CPU ${r.server_cpu_cores} cores avg; peak RSS ${r.server_peak_rss_mib} MiB (generators ${r.generator_cpu_cores} cores)`,
      },
      {
        scenario: "many rooms",
        measure: "a person's make_pick meanwhile (socket ack)",
        value: `p50 ${r.person_pick_ms.p50} ms · p99 ${r.person_pick_ms.p99} ms · max ${r.person_pick_ms.max} ms (${r.person_pick_ms.samples} picks, a 100 ms pause after each)`,
      },
      {
        scenario: "many rooms",
        measure: "an admin's `start` meanwhile (HTTP)",
        value: `p50 ${r.start_ms.p50} ms · p99 ${r.start_ms.p99} ms · max ${r.start_ms.max} ms (${r.start_ms.samples}, 16 at a time)`,
      },
    ];
    const failed =
      r.errors.length > 0 ||
      !allDone ||
      r.duplicates > 0 ||
      r.out_of_order > 0 ||
      r.disconnects > 0 ||
      r.connect_failed > 0;
    return {
      result: r,
      lost: r.lost,
      rows,
      ...(failed
        ? { error: r.errors.join("; ") || "incomplete drafts, duplicates, disorder, failed connections or disconnects" }
        : {}),
    };
  });

  await scenario("idle", async () => {
    const r = await using(embeddedServer("warroom (idle)"), (server) => runIdle(server.url, server.pid, idleOptions));
    const rows: Row[] = [
      {
        scenario: "idle",
        measure: `${r.clients} connections over ${r.sessions} sessions`,
        value: `held ${r.held}, dropped ${r.dropped}; server RSS ${r.server_rss_mib} MiB (peak ${r.server_peak_rss_mib}; ${r.baseline_rss_mib} MiB with 1 client per session; marginal ≈ ${r.rss_per_connection_kib} KiB per connection)`,
        target: "all held, RSS < 1024 MiB",
        met: r.held === idleOptions.clients && r.server_rss_mib < 1024,
      },
      {
        scenario: "idle",
        measure: "server CPU at rest",
        value: `${r.server_cpu_pct_at_rest}% of a core over ${r.window_s} s`,
      },
    ];
    const failed = r.errors.length > 0 || r.dropped > 0 || r.connect_failed > 0;
    return {
      result: r,
      lost: r.dropped,
      rows,
      ...(failed ? { error: r.errors.join("; ") || "dropped or failed connections" } : {}),
    };
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
    // the fair "one node": the same cluster, the same database and Redis, measured interleaved with the two-node run
    const delta = two.latency_ms.p50 - one.latency_ms.p50;
    const embedded = oneNodeFanout as FanoutResult | null;
    const rows: Row[] = [
      {
        scenario: "two nodes",
        measure: `1 node, PostgreSQL + Redis, ${one.clients} clients × ${one.picks} picks`,
        value: `${lat(one)}; lost ${one.lost}`,
      },
      {
        scenario: "two nodes",
        measure: `2 nodes (clients split), ${two.clients} clients × ${two.picks} picks`,
        value: `${lat(two)}; lost ${two.lost}; server CPU ${two.server_cpu_cores.join(" + ")} cores (over both runs: the first node also served the 1-node one)`,
      },
      {
        scenario: "two nodes",
        measure: "p50, 2 nodes − 1 node",
        value: `${delta >= 0 ? "+" : ""}${delta.toFixed(1)} ms (ratio ${(two.latency_ms.p50 / one.latency_ms.p50).toFixed(2)}×)${embedded ? `; vs the embedded 1-node fan-out above: ${(two.latency_ms.p50 - embedded.latency_ms.p50).toFixed(1)} ms` : ""}`,
        target: "≤ +3 ms",
        met: delta <= 3 && two.lost === 0,
      },
    ];
    const failed = fanoutErrors(one) || fanoutErrors(two);
    return {
      result: {
        one_node: one,
        two_nodes: two,
        p50_delta_ms: Number(delta.toFixed(2)),
        p50_ratio: Number((two.latency_ms.p50 / one.latency_ms.p50).toFixed(3)),
      },
      lost: one.lost + two.lost,
      rows,
      ...(failed
        ? { error: [...one.errors, ...two.errors].join("; ") || "rejected picks, failed connections or disconnects" }
        : {}),
    };
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
