// `npm start`'s server.ts as a user meets it: one port for the pages, the API
// and Socket.IO, and clear failures on bad configuration.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { io } from "socket.io-client";
import { embeddedAlone, startServerProcess, type ServerProcess } from "./support/server-process";
import { request } from "./support/test-server";
import type { ServerPayload } from "../lib/protocol/events";
import { httpClient } from "./support/api-client";

jest.setTimeout(120_000);
const ROOT = path.resolve(__dirname, "..");
let dataDir: string;
let server: ServerProcess;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "warroom-server-"));
  // always the embedded default here: this is what `npm install && npm start` gives a new user
  server = await startServerProcess({ DATA_DIR: dataDir, DATABASE_URL: "" });
});
afterAll(async () => {
  server.child.kill("SIGTERM");
  expect(await server.exited).toBe(0);
  rmSync(dataDir, { recursive: true, force: true });
});

/** Runs server.ts to its exit and returns the code and what it printed. */
function runToExit(env: Record<string, string>) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "server.ts"], {
    cwd: ROOT,
    env: { ...process.env, NODE_OPTIONS: "", HOST: "127.0.0.1", ...embeddedAlone(env) },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, output: result.stdout + result.stderr };
}

test("serves the lobby, a draft room and the API on one port, with the bundled pools loaded", async () => {
  const lobby = await fetch(`${server.url}/`);
  expect(lobby.status).toBe(200);
  expect(await lobby.text()).toContain("WarRoom");
  expect(lobby.headers.get("x-powered-by")).toBeNull();
  expect(((await httpClient(server.url).answer("pools")) as { pool: string }[]).map((p) => p.pool)).toEqual([
    "2021",
    "2022",
    "2023",
    "2024",
  ]);
  expect(await httpClient(server.url).answer("health")).toEqual({ db: "ok", redis: "off" });
  // a room that does not exist is a real 404 page, not a room that spins for ever
  const missing = await fetch(`${server.url}/sessions/6f1c7f1e-7d6a-4c52-9c0e-0d2f4f1b2a11`);
  expect(missing.status).toBe(404);
});

test("the API's refusals keep their contract code and status through Next.js (not 500)", async () => {
  // the services throw these; Next.js bundles the route handlers with their own copy of the error class
  const bogus = { authorization: `Bearer adm_${"x".repeat(43)}` };
  const cases: [string, RequestInit, number, string][] = [
    ["/api/admin/session", { headers: bogus }, 401, "unauthorized"],
    ["/api/sessions/6f1c7f1e-7d6a-4c52-9c0e-0d2f4f1b2a11", {}, 404, "not_found"],
    [
      "/api/sessions",
      {
        method: "POST",
        headers: { ...bogus, "content-type": "application/json" },
        body: JSON.stringify({ name: "x", rounds: 1, seconds_per_pick: 0, human_teams: [] }),
      },
      401,
      "unauthorized",
    ],
    [
      "/api/sessions/6f1c7f1e-7d6a-4c52-9c0e-0d2f4f1b2a11/seats/CHI/claim",
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ display_name: "Fan" }),
      },
      404,
      "not_found",
    ],
  ];
  for (const [path, init, status, code] of cases) {
    const response = await fetch(server.url + path, init);
    expect([path, response.status, (await response.json()).error?.code]).toEqual([path, status, code]);
  }
});

test("a CPU-vs-CPU draft can be watched live over Socket.IO on the same port, both transports", async () => {
  const { admin_key } = await httpClient(server.url).answer("createLeague", { body: { name: "Watchers" } });
  const { session_id } = await httpClient(server.url).answer("createSession", {
    adminKey: admin_key,
    body: { name: "CPU vs CPU", rounds: 1, seconds_per_pick: 0, human_teams: [], cpu_delay_ms: 20 },
  });
  for (const transports of [["websocket"], ["polling"]] as const) {
    const socket = io(server.url, { transports: [...transports], reconnection: false, forceNew: true });
    const join = await request(socket, "join_session", { session_id });
    expect(join.role).toBe("spectator");
    socket.disconnect();
  }
  const watcher = io(server.url, { transports: ["websocket"], reconnection: false, forceNew: true });
  await request(watcher, "join_session", { session_id });
  const picks: number[] = [];
  watcher.on("draft_pick", (e: ServerPayload<"draft_pick">) => picks.push(e.pick.overall));
  const done = new Promise<ServerPayload<"session_update">>((resolve) =>
    watcher.on("session_update", (e: ServerPayload<"session_update">) => e.status === "complete" && resolve(e)),
  );
  await httpClient(server.url).answer("action", {
    params: { id: session_id },
    adminKey: admin_key,
    body: { action: "start" },
  });
  await done;
  expect(picks).toEqual(Array.from({ length: 32 }, (_, i) => i + 1));
  watcher.disconnect();
  // one table a file: the picks (a header and 32 lines), and the trades on their own
  const http = httpClient(server.url);
  const exported = await http.file("exportDraft", { params: { id: session_id }, query: { format: "csv" } });
  expect(exported.trim().split("\n")).toHaveLength(33);
  const trades = await http.call("exportDraft", {
    params: { id: session_id },
    query: { format: "csv", table: "trades" },
  });
  expect(trades.headers.get("content-disposition")).toMatch(/-trades\.csv"/);
  // CPU teams trade among themselves by default: every trade of the snapshot, one a line
  const [header, ...lines] = trades.text.trim().split("\n");
  expect(header).toBe(
    "trade_id,status,from_team_id,to_team_id,give,receive,give_future,receive_future,chart,value_give,value_receive",
  );
  const snapshot = await http.answer("snapshot", { params: { id: session_id } });
  expect(lines).toHaveLength(snapshot.trades.length);
  for (const line of lines) expect(line).toMatch(/^[0-9a-f-]{36},executed,[A-Z]{2,3},[A-Z]{2,3},/);
  // and the room of a real session is served
  expect((await fetch(`${server.url}/sessions/${session_id}`)).status).toBe(200);
});

test("refuses a second server on the same embedded database with a clear message", () => {
  const { status, output } = runToExit({ DATA_DIR: dataDir, DATABASE_URL: "", PORT: "0" });
  expect(status).toBe(1);
  expect(output).toMatch(/in use by process \d+; PGlite serves one process only/);
});

test("exits non-zero with a clear message on a bad variable, an unreachable database or a port in use", () => {
  const badPort = runToExit({ PORT: "not-a-port", DATABASE_URL: "" });
  expect(badPort.status).toBe(1);
  expect(badPort.output).toMatch(/bad environment: PORT/);
  const badDb = runToExit({ DATABASE_URL: "postgres://nobody@127.0.0.1:1/none", PORT: "0" });
  expect(badDb.status).toBe(1);
  expect(badDb.output).toMatch(/cannot open the database/);
  const other = mkdtempSync(path.join(tmpdir(), "warroom-port-"));
  const portInUse = runToExit({ DATA_DIR: other, DATABASE_URL: "", PORT: String(server.port) });
  rmSync(other, { recursive: true, force: true });
  expect(portInUse.status).toBe(1);
  expect(portInUse.output).toMatch(/cannot listen on 127\.0\.0\.1:\d+: .*EADDRINUSE/);
  const redisWithoutPostgres = runToExit({ REDIS_URL: "redis://127.0.0.1:6379", DATABASE_URL: "", PORT: "0" });
  expect(redisWithoutPostgres.status).toBe(1);
  expect(redisWithoutPostgres.output).toMatch(/REDIS_URL is set but DATABASE_URL is not/);
});

test("also runs in development mode (Turbopack) with Socket.IO on the same port", async () => {
  const devDir = mkdtempSync(path.join(tmpdir(), "warroom-dev-"));
  const dev = await startServerProcess({ NODE_ENV: "development", DATA_DIR: devDir, DATABASE_URL: "" });
  try {
    const lobby = await fetch(`${dev.url}/`);
    expect(lobby.status).toBe(200);
    expect(await lobby.text()).toContain("WarRoom");
    const socket = io(dev.url, { transports: ["websocket"], reconnection: false, forceNew: true });
    expect((await request(socket, "ping", { client_time: Date.now() })).ok).toBe(true);
    socket.disconnect();
  } finally {
    dev.child.kill("SIGTERM");
    await dev.exited;
    rmSync(devDir, { recursive: true, force: true });
  }
});
