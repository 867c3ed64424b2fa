// GET /metrics on the real server.ts, and the figures moving: commands,
// picks, connections, HTTP, the process and event-loop defaults; a slow
// database shows in warroom_db_query_duration_seconds. Access per the
// contract: loopback only without METRICS_TOKEN, the Bearer token with it.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { networkInterfaces, tmpdir } from "node:os";
import path from "node:path";
import { io } from "socket.io-client";
import { httpClient } from "./support/api-client";
import { describeIf } from "./support/describe-if";
import { createDraft } from "./support/fixtures";
import { createTestDatabase, usingPostgres, type TestDatabase } from "./support/test-database";
import { startServerProcess, type ServerProcess } from "./support/server-process";
import { request, startTestServer } from "./support/test-server";

jest.setTimeout(120_000);

/** The value of one sample line of Prometheus text, e.g. `warroom_commands_total{event="ping",outcome="ok"}`. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  for (const line of text.split("\n")) {
    if (!line.startsWith(name)) continue;
    const [series, value] = line.split(" ");
    const rest = series!.slice(name.length);
    if (rest !== "" && !rest.startsWith("{")) continue;
    if (wanted.every((label) => rest.includes(label))) return Number(value);
  }
  return 0;
}

describe("a node's /metrics", () => {
  let node: ServerProcess;
  let database: TestDatabase;
  const dataDir = mkdtempSync(path.join(tmpdir(), "warroom-metrics-"));
  // bound to every interface, so the test can also come from a non-loopback address
  beforeAll(async () => {
    database = await createTestDatabase();
    node = await startServerProcess({ DATA_DIR: dataDir, DATABASE_URL: database.url ?? "", HOST: "0.0.0.0" });
  });
  afterAll(async () => {
    node.child.kill("SIGKILL");
    await node.exited;
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  const scrape = async () => {
    const response = await fetch(`${node.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    return response.text();
  };

  test("lists the contract's metrics and the process defaults, and they move with commands, picks and requests", async () => {
    const before = await scrape();
    for (const name of [
      "warroom_commands_total",
      "warroom_command_duration_seconds",
      "warroom_picks_total",
      "warroom_socket_connections",
      "warroom_sessions_loaded",
      "warroom_db_query_duration_seconds",
      "process_cpu_user_seconds_total",
      "nodejs_eventloop_lag_seconds",
      "warroom_socket_outgoing_packets",
      "warroom_commands_in_flight",
    ])
      expect(before).toContain(`# TYPE ${name} `);

    const http = httpClient(node.url);
    const { admin_key: adminKey } = await http.answer("createLeague", { body: { name: "Metrics league" } });
    const created = await http.answer("createSession", {
      adminKey,
      body: { name: "Metrics", rounds: 1, seconds_per_pick: 0, human_teams: [], cpu_delay_ms: 0, seed: 1 },
    });
    const socket = io(node.url, { transports: ["websocket"], reconnection: false });
    const joined = (await socket
      .timeout(5000)
      .emitWithAck("join_session", { session_id: created.session_id, token: adminKey })) as { ok: boolean };
    expect(joined.ok).toBe(true);
    const during = await scrape();
    expect(sample(during, "warroom_socket_connections")).toBe(1);
    expect(sample(during, "warroom_sessions_loaded")).toBeGreaterThanOrEqual(1);

    await http.answer("action", { params: { id: created.session_id }, body: { action: "start" }, adminKey });
    for (let attempt = 0; attempt < 300; attempt++) {
      const snapshot = await http.answer("snapshot", { params: { id: created.session_id } });
      if (snapshot.status === "complete") break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    socket.disconnect();
    const after = await scrape();
    expect(
      sample(after, "warroom_commands_total", { event: "join_session", outcome: "ok" }) -
        sample(before, "warroom_commands_total", { event: "join_session", outcome: "ok" }),
    ).toBe(1);
    expect(sample(after, "warroom_command_duration_seconds_count", { event: "join_session" })).toBeGreaterThanOrEqual(
      1,
    );
    // 32 CPU picks of a one-round draft, persisted through the timed hot path (several picks may share an append)
    expect(
      sample(after, "warroom_picks_total", { auto: "false" }) + sample(after, "warroom_picks_total", { auto: "true" }),
    ).toBe(32);
    expect(
      sample(after, "warroom_db_query_duration_seconds_count", { statement: "warroom_append" }),
    ).toBeGreaterThanOrEqual(1);
    expect(sample(after, "warroom_http_requests_total", { method: "POST", status: "200" })).toBeGreaterThanOrEqual(1);
  });

  test("every metric the Grafana dashboard in ops/ charts is one the node serves", async () => {
    const dashboard = readFileSync(path.join(__dirname, "../ops/grafana-dashboard.json"), "utf8");
    const charted = new Set(dashboard.match(/\b(warroom|nodejs|process)_[a-z0-9_]+/g));
    const served = await scrape();
    expect(charted.size).toBeGreaterThan(10);
    // a histogram is declared once (its _bucket series are charted); a labelled counter before its first event
    const declared = (name: string) => served.includes(`# TYPE ${name.replace(/_bucket$/, "")} `);
    for (const name of charted) expect(`${name}: ${declared(name)}`).toBe(`${name}: true`);
  });

  test("answers only loopback without METRICS_TOKEN", async () => {
    const outside = Object.values(networkInterfaces())
      .flat()
      .find((address) => address && address.family === "IPv4" && !address.internal);
    if (!outside) return console.log("skipped the non-loopback check: this machine has no non-loopback IPv4 address");
    const response = await fetch(`http://${outside.address}:${node.port}/metrics`);
    expect(response.status).toBe(403);
    expect(await response.text()).toMatch(/loopback only/);
  });
});

test("with METRICS_TOKEN: 401 without credentials, 403 with a wrong token, 200 with the right one", async () => {
  const database = await createTestDatabase();
  const dataDir = mkdtempSync(path.join(tmpdir(), "warroom-metrics-token-"));
  const token = "metrics-" + "t".repeat(24);
  const node = await startServerProcess({ DATA_DIR: dataDir, DATABASE_URL: database.url ?? "", METRICS_TOKEN: token });
  try {
    const get = (authorization?: string) =>
      fetch(`${node.url}/metrics`, authorization ? { headers: { authorization } } : {});
    expect((await get()).status).toBe(401);
    expect((await get("Bearer wrong")).status).toBe(403);
    const ok = await get(`Bearer ${token}`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain("warroom_commands_total");
  } finally {
    node.child.kill("SIGKILL");
    await node.exited;
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

// The embedded database runs inside this process: a slow statement there stalls the whole event loop (which
// nodejs_eventloop_lag_seconds shows), so a database that is slow while the node waits is PostgreSQL's case.
describeIf(usingPostgres, "a database slow under a waiting node needs PostgreSQL (set DATABASE_URL)")(
  "a slow database",
  () => {
    test("shows in the query histogram and in the pick's command time", async () => {
      const server = await startTestServer();
      try {
        const draft = await createDraft(server.warroom, { human_teams: ["CHI"], cpu_delay_ms: 60_000 });
        const admin = await server.client();
        await request(admin, "join_session", { session_id: draft.sessionId, token: draft.adminKey });
        await request(admin, "admin_action", { session_id: draft.sessionId, action: "start" });
        /** appends that took longer than `seconds` (waiting for the database included) */
        const writesSlowerThan = async (seconds: number) => {
          const histogram = await server.warroom.metrics.dbQueryDuration.get();
          const of = (le: number | string) =>
            histogram.values.find(
              (v) =>
                v.metricName === "warroom_db_query_duration_seconds_bucket" &&
                v.labels.statement === "warroom_append" &&
                (v.labels as Record<string, unknown>).le === le,
            )?.value ?? 0;
          return of("+Inf") - of(seconds);
        };
        const slowBefore = await writesSlowerThan(0.25);

        // another client holds the events table for 400 ms: the pick's write waits behind it
        const holding = server.warroom.db.sql.transaction(async (query) => {
          await query({ name: "lock_events", text: "LOCK TABLE session_events IN EXCLUSIVE MODE" }, []);
          await query({ name: "hold", text: "SELECT pg_sleep(0.4)" }, []);
        });
        await new Promise((resolve) => setTimeout(resolve, 50));
        const ack = await request(admin, "make_pick", {
          session_id: draft.sessionId,
          team_id: "CHI",
          player_id: "WillCa03",
        });
        await holding;
        expect(ack.ok).toBe(true);
        expect((await writesSlowerThan(0.25)) - slowBefore).toBe(1);
        const commands = await server.warroom.metrics.commandDuration.get();
        const pickSum = commands.values.find(
          (v) => v.metricName === "warroom_command_duration_seconds_sum" && v.labels.event === "make_pick",
        );
        expect(pickSum?.value).toBeGreaterThan(0.25);
      } finally {
        await server.close();
      }
    });
  },
);
