// The HTTP routes, called as Next.js calls them (a Web Request in, a Response out)
// against real services and a real database. Every call names its route in the
// contract's table (tests/support/api-client.ts): no path is spelled here.
import { api } from "../lib/server/http/api";
import type { HttpServices } from "../lib/server/http/registry";
import type { AdminAction } from "../lib/protocol/commands";
import { apiClient, routeRequest } from "./support/api-client";
import { backendName } from "./support/test-database";
import { startTestServer, type TestServer } from "./support/test-server";

let server: TestServer;
let services: HttpServices;
let http: ReturnType<typeof apiClient>;
beforeAll(async () => {
  server = await startTestServer();
  services = server.warroom.http;
  http = apiClient(services);
});
afterAll(async () => {
  await server.close();
});

async function league() {
  return (await http.answer("createLeague", { body: { name: "HTTP league" } })).admin_key;
}
async function session(adminKey: string, extra: Record<string, unknown> = {}) {
  // no randomness: what an autopick takes must not depend on the session's random seed
  const body = {
    name: "Mock",
    rounds: 1,
    seconds_per_pick: 30,
    human_teams: ["CHI", "NE"],
    cpu_delay_ms: 60000,
    cpu_randomness: 0,
    ...extra,
  };
  const created = await http.call("createSession", { body, adminKey });
  expect(created.status).toBe(201);
  return created.answer!;
}
const act = (id: string, action: AdminAction | string, adminKey?: string) =>
  http.call("action", { params: { id }, body: { action }, ...(adminKey ? { adminKey } : {}) });

describe(`HTTP routes (${backendName})`, () => {
  test("POST /api/leagues returns a league id and an admin key shown once", async () => {
    const created = await http.call("createLeague", { body: { name: "Sunday League" } });
    expect(created.status).toBe(201);
    expect(created.answer!.league_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.answer!.admin_key).toMatch(/^adm_[\w-]{40,}$/);
    expect((await http.call("createLeague", { body: { name: "" } })).error?.code).toBe("invalid_payload");
    expect((await http.call("createLeague", { body: "{not json" })).status).toBe(400);
  });

  test("a session's settings are what it was created with, as stored and rebuilt", async () => {
    const key = await league();
    const { session_id } = await session(key, { trade_chart: "johnson", seed: 7 });
    expect((await http.answer("snapshot", { params: { id: session_id } })).trade_chart).toBe("johnson");
    const stored = await server.warroom.db.prisma.draftSession.findFirst({ where: { id: session_id } });
    expect(stored?.config).toMatchObject({ trade_chart: "johnson", seed: 7, cpu_randomness: 0 });
  });

  test("POST /api/sessions creates a session with a token per human seat and checks the admin key", async () => {
    const key = await league();
    const created = await session(key);
    expect(created.seats.map((s) => s.team_id)).toEqual(["CHI", "NE"]);
    expect(created.seats.every((s) => /^seat_/.test(s.token))).toBe(true);
    const body = { name: "x", rounds: 1, seconds_per_pick: 0, human_teams: [] };
    expect((await http.call("createSession", { body })).status).toBe(401);
    expect((await http.call("createSession", { body, adminKey: "adm_wrong" })).status).toBe(401);
    const bad = await http.call("createSession", { body: { ...body, rounds: 9, seconds_per_pick: 3 }, adminKey: key });
    expect(bad.status).toBe(400);
    expect(bad.error?.issues?.map((i) => i.path).sort()).toEqual(["rounds", "seconds_per_pick"]);
    const tooManyRounds = await http.call("createSession", {
      body: { ...body, pool: "2023", rounds: 4 },
      adminKey: key,
    });
    expect(tooManyRounds.error?.code).toBe("invalid_payload");
    expect((await http.call("createSession", { body: { ...body, pool: "1999" }, adminKey: key })).status).toBe(404);
    expect((await http.call("createSession", { body: { ...body, human_teams: ["XYZ"] }, adminKey: key })).status).toBe(
      404,
    );
  });

  test("GET /api/pools lists the bundled draft classes with their real order", async () => {
    const pools = await http.answer("pools");
    expect(pools.map((p) => [p.pool, p.rounds, p.order.length, p.teams.length])).toEqual([
      ["2021", 7, 259, 32],
      ["2022", 7, 262, 32],
      ["2023", 3, 102, 32],
      ["2024", 7, 257, 32],
    ]);
  });

  test("GET /api/sessions lists sessions with status, the pick on the clock and open seats", async () => {
    const key = await league();
    const { session_id } = await session(key, { name: "Lobby check" });
    await act(session_id, "start", key);
    const entry = (await http.answer("lobby")).find((s) => s.session_id === session_id);
    expect(entry).toEqual({
      session_id,
      name: "Lobby check",
      status: "running",
      current_pick: { overall: 1, round: 1, pick_in_round: 1, team_id: "CHI", original_team_id: "CHI" },
      open_seats: ["CHI", "NE"],
      seat_access: "open",
      last_active_at: expect.any(String),
      inactive: false,
    });
  });

  test("GET /api/sessions/:id returns the snapshot, 404 for an unknown id and 400 for a malformed one", async () => {
    const key = await league();
    const { session_id } = await session(key);
    const snapshot = await http.answer("snapshot", { params: { id: session_id } });
    expect(snapshot).toMatchObject({
      session_id,
      name: "Mock",
      status: "lobby",
      seq: 0,
      rounds: 1,
      current_pick: null,
      picks: [],
      trades: [],
    });
    expect(snapshot.order).toHaveLength(32);
    expect(snapshot.teams.find((t) => t.team_id === "CHI")).toEqual({
      team_id: "CHI",
      name: "Chicago Bears",
      controller: "human",
    });
    expect((await http.call("snapshot", { params: { id: "0b0e9a4c-6d1f-4b8e-9c3a-2f1e0d9c8b7a" } })).status).toBe(404);
    expect((await http.call("snapshot", { params: { id: "nope" } })).status).toBe(400);
  });

  test("autopick_rest makes every pick left, persisted in order, and completes; only from a started draft", async () => {
    const key = await league();
    const { session_id } = await session(key, { rounds: 2 });
    expect((await act(session_id, "autopick_rest", key)).error?.code).toBe("invalid_state");
    expect((await act(session_id, "start", key)).status).toBe(200);
    const done = await act(session_id, "autopick_rest", key);
    expect(done.status).toBe(200);
    const snapshot = await http.answer("snapshot", { params: { id: session_id } });
    expect(snapshot.status).toBe("complete");
    expect(snapshot.picks.map((p) => p.overall)).toEqual(snapshot.order.map((s) => s.overall));
    // the human seats' picks are marked as autopicks, the CPU seats' as their own
    expect(
      snapshot.picks
        .filter((p) => p.auto)
        .map((p) => p.team_id)
        .sort(),
    ).toEqual(
      snapshot.order
        .filter((s) => ["CHI", "NE"].includes(s.team_id))
        .map((s) => s.team_id)
        .sort(),
    );
    const log = await http.answer("events", { params: { id: session_id } });
    expect(log.map((e) => e.type)).toEqual([
      "session_update",
      ...snapshot.order.map(() => "draft_pick"),
      "session_update",
    ]);
    expect((await act(session_id, "autopick_rest", key)).error?.code).toBe("invalid_state");
  });

  test("GET players filters by availability and position, best rank first", async () => {
    const key = await league();
    const { session_id } = await session(key);
    expect((await act(session_id, "start", key)).status).toBe(200);
    expect((await act(session_id, "force_autopick", key)).status).toBe(200);
    const players = (query: Record<string, string>) => http.answer("players", { params: { id: session_id }, query });
    const available = await players({ available: "true" });
    expect(available[0]!.name).toBe("Jayden Daniels");
    expect(available).toHaveLength(256);
    expect((await players({ available: "false" })).map((p) => p.name)).toEqual(["Caleb Williams"]);
    const qbs = await players({ position: "QB" });
    expect(qbs.length).toBeGreaterThan(5);
    expect(qbs.every((p) => p.position === "QB")).toBe(true);
    expect(qbs.map((p) => p.rank)).toEqual([...qbs.map((p) => p.rank)].sort((a, b) => a - b));
  });

  test("GET events pages through the persisted log in seq order", async () => {
    const key = await league();
    const { session_id } = await session(key);
    for (const action of ["start", "force_autopick", "force_autopick", "pause"] as const) {
      expect((await act(session_id, action, key)).status).toBe(200);
    }
    const events = (query: Record<string, string> = {}) => http.call("events", { params: { id: session_id }, query });
    const all = (await events()).answer!;
    expect(all.map((e) => [e.seq, e.type])).toEqual([
      [1, "session_update"],
      [2, "draft_pick"],
      [3, "draft_pick"],
      [4, "session_update"],
    ]);
    expect(all[1]!.payload).toMatchObject({ seq: 2, pick: { overall: 1, auto: true } });
    expect((await events({ after: "1", limit: "2" })).answer!.map((e) => e.seq)).toEqual([2, 3]);
    expect((await events({ limit: "1001" })).status).toBe(400);
  });

  test("claiming an open seat returns its token once, then 409", async () => {
    const key = await league();
    const { session_id } = await session(key);
    const claim = (team_id: string, body: unknown) =>
      http.call("claimSeat", { params: { id: session_id, team_id }, body });
    const first = await claim("NE", { display_name: "Ryan" });
    expect(first.status).toBe(200);
    expect(first.answer!.token).toMatch(/^seat_/);
    expect((await claim("NE", { display_name: "Poles" })).status).toBe(409);
    expect((await claim("KC", { display_name: "CPU" })).status).toBe(409);
    expect((await claim("ZZZ", { display_name: "X" })).status).toBe(404);
    expect((await claim("CHI", {})).status).toBe(400);
    const lobby = (await http.answer("lobby")).find((s) => s.session_id === session_id);
    expect(lobby?.open_seats).toEqual(["CHI"]);
  });

  test("admin actions over HTTP need this league's key and a status that allows them", async () => {
    const key = await league();
    const otherKey = await league();
    const { session_id } = await session(key);
    expect((await act(session_id, "start")).status).toBe(401);
    expect((await act(session_id, "start", otherKey)).status).toBe(403);
    expect((await act(session_id, "pause", key)).error?.code).toBe("invalid_state");
    const started = await act(session_id, "start", key);
    expect(started.answer).toMatchObject({ status: "running", current_pick: { overall: 1 } });
    expect((await act(session_id, "undo_last_pick", key)).error?.code).toBe("conflict");
    expect((await act(session_id, "explode", key)).status).toBe(400);
    expect((await act(session_id, "complete", key)).answer?.status).toBe("complete");
  });

  test("export gives the picks and trades as JSON, and as CSV one table a file", async () => {
    const key = await league();
    const { session_id } = await session(key);
    for (const action of ["start", "force_autopick"] as const) await act(session_id, action, key);
    const exported = (query: Record<string, string>) => http.call("exportDraft", { params: { id: session_id }, query });
    expect(JSON.parse((await exported({ format: "json" })).text)).toMatchObject({
      session_id,
      picks: [{ overall: 1, player: { name: "Caleb Williams" } }],
      trades: [],
    });
    const csv = (await exported({ format: "csv" })).text;
    expect(csv.split("\n").slice(0, 2)).toEqual([
      "overall,round,pick_in_round,team_id,original_team_id,player_id,player_name,position,college,rank,auto,made_at",
      expect.stringMatching(/^1,1,1,CHI,CHI,WillCa03,Caleb Williams,QB,,1,true,\d{4}-/),
    ]);
    expect(csv.trim().split("\n")).toHaveLength(2);
    expect((await exported({ format: "csv", table: "trades" })).text).toBe(
      "trade_id,status,from_team_id,to_team_id,give,receive,give_future,receive_future,chart,value_give,value_receive\n",
    );
    expect((await exported({ format: "csv", table: "bids" })).status).toBe(400);
    expect((await exported({ format: "xml" })).status).toBe(400);
  });

  test("GET results summarises every team: picks, needs, value against the board and trades", async () => {
    const key = await league();
    const { session_id } = await session(key);
    for (const action of ["start", "force_autopick", "force_autopick"] as const) await act(session_id, action, key);
    const results = await http.answer("results", { params: { id: session_id } });
    expect(results.teams).toHaveLength(32);
    const chi = results.teams.find((t) => t.team_id === "CHI")!;
    expect(chi.picks).toHaveLength(1);
    expect(chi.board_value).toBe(chi.picks[0]!.overall - chi.picks[0]!.player.rank);
    expect(chi.needs.length).toBeGreaterThan(0);
    expect(chi.trades).toEqual({ chart: "hill", count: 0, value_in: 0, value_out: 0, net: 0 });
  });

  test("admin sign-in keeps the key in an HttpOnly, SameSite=Strict cookie that then authorises admin routes", async () => {
    const key = await league();
    const signIn = await http.call("adminSignIn", { body: { admin_key: key } });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^warroom_admin=adm_[\w-]+; Max-Age=\d+; Path=\/; HttpOnly; SameSite=Strict$/);
    const overHttps = await api.adminSignIn(
      services,
      new Request(routeRequest("adminSignIn").url.replace(/^http:/, "https:"), {
        method: "POST",
        body: JSON.stringify({ admin_key: key }),
      }),
    );
    expect(overHttps.headers.get("set-cookie")).toMatch(/; Secure$/);
    expect((await http.call("adminSignIn", { body: { admin_key: "adm_nope" } })).status).toBe(401);

    const withCookie = { cookie: cookie.split(";")[0]! };
    expect((await http.answer("adminMe", { headers: withCookie })).name).toBe("HTTP league");
    const { session_id } = await session(key, { name: "Cookie run" });
    const other = await session(await league(), { name: "Not mine" });
    const mine = await http.answer("adminSessions", { headers: withCookie });
    expect(mine.map((s) => s.session_id)).toContain(session_id);
    expect(mine.map((s) => s.session_id)).not.toContain(other.session_id);
    const started = await http.answer("action", {
      params: { id: session_id },
      body: { action: "start" },
      headers: withCookie,
    });
    expect(started.status).toBe("running");
    const signOut = await http.call("adminSignOut", { headers: withCookie });
    expect(signOut.headers.get("set-cookie")).toMatch(/^warroom_admin=; Max-Age=0/);
    expect((await http.call("adminMe")).status).toBe(401);
  });

  test("an admin picks on a team's behalf and executes a commissioner trade over HTTP; others may not", async () => {
    const key = await league();
    const otherKey = await league();
    const { session_id } = await session(key);
    const params = { id: session_id };
    await act(session_id, "start", key);
    const trade = await http.call("adminTrade", {
      params,
      body: { from_team_id: "CHI", to_team_id: "NE", give: [1], receive: [3] },
      adminKey: key,
    });
    expect(trade.answer?.trade).toMatchObject({ status: "executed", from_team_id: "CHI", to_team_id: "NE" });
    const foreign = await http.call("adminTrade", {
      params,
      body: { from_team_id: "CHI", to_team_id: "NE", give: [3], receive: [1] },
      adminKey: otherKey,
    });
    expect(foreign.status).toBe(403);
    const pick = await http.call("adminPick", {
      params,
      body: { team_id: "NE", player_id: "MayeDr00", expected_overall: 1 },
      adminKey: key,
    });
    expect(pick.answer?.pick).toMatchObject({ overall: 1, team_id: "NE", auto: false, player: { name: "Drake Maye" } });
    expect((await http.call("adminPick", { params, body: { team_id: "WAS", player_id: "WillCa03" } })).status).toBe(
      401,
    );
    const stale = await http.call("adminPick", {
      params,
      body: { team_id: "WAS", player_id: "WillCa03", expected_overall: 1 },
      adminKey: key,
    });
    expect(stale.status).toBe(409);
  });

  test("rotating a seat token hands out a new one and the old one stops working", async () => {
    const key = await league();
    const { session_id, seats } = await session(key);
    const old = seats.find((s) => s.team_id === "CHI")!.token;
    const rotated = await http.answer("rotateSeatToken", { params: { id: session_id, team_id: "CHI" }, adminKey: key });
    expect(rotated.token).toMatch(/^seat_/);
    await expect(server.warroom.access.resolveRole(session_id, old)).rejects.toMatchObject({ code: "unauthorized" });
    expect(await server.warroom.access.resolveRole(session_id, rotated.token)).toEqual({
      role: "team",
      team_id: "CHI",
    });
    expect(
      (await http.call("rotateSeatToken", { params: { id: session_id, team_id: "KC" }, adminKey: key })).status,
    ).toBe(404);
  });

  test("/healthz reports the database", async () => {
    const health = await http.call("health");
    expect({ status: health.status, answer: health.answer }).toEqual({
      status: 200,
      answer: { db: "ok", redis: "off" },
    });
  });
});
