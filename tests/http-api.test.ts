// The HTTP routes, called as Next.js calls them (a Web Request in, a Response out)
// against real services and a real database.
import { api } from "../lib/server/http/api";
import type { HttpServices } from "../lib/server/http/registry";
import { backendName } from "./support/test-database";
import { startTestServer, type TestServer } from "./support/test-server";

let server: TestServer;
let services: HttpServices;
beforeAll(async () => {
  server = await startTestServer();
  services = server.warroom.http;
});
afterAll(async () => {
  await server.close();
});

const BASE = "http://warroom.test";
function req(method: string, path: string, body?: unknown, token?: string): Request {
  return new Request(BASE + path, {
    method,
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
  });
}
async function call(response: Promise<Response>): Promise<{ status: number; body: any }> {
  const res = await response;
  const text = await res.text();
  return { status: res.status, body: res.headers.get("content-type")?.includes("json") ? JSON.parse(text) : text };
}

async function league() {
  const { body } = await call(api.createLeague(services, req("POST", "/api/leagues", { name: "HTTP league" })));
  return body.admin_key as string;
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
  const { status, body: created } = await call(
    api.createSession(services, req("POST", "/api/sessions", body, adminKey)),
  );
  expect(status).toBe(201);
  return created as { session_id: string; seats: { team_id: string; token: string }[] };
}

describe(`HTTP routes (${backendName})`, () => {
  test("POST /api/leagues returns a league id and an admin key shown once", async () => {
    const { status, body } = await call(
      api.createLeague(services, req("POST", "/api/leagues", { name: "Sunday League" })),
    );
    expect(status).toBe(201);
    expect(body.league_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.admin_key).toMatch(/^adm_[\w-]{40,}$/);
    expect((await call(api.createLeague(services, req("POST", "/api/leagues", { name: "" })))).body.error.code).toBe(
      "invalid_payload",
    );
    expect((await call(api.createLeague(services, req("POST", "/api/leagues", "{not json")))).status).toBe(400);
  });

  test("a session's settings are what it was created with, as stored and rebuilt", async () => {
    const key = await league();
    const { session_id } = await session(key, { trade_chart: "johnson", seed: 7 });
    const snapshot = await call(api.snapshot(services, req("GET", `/api/sessions/${session_id}`), { id: session_id }));
    expect(snapshot.body.trade_chart).toBe("johnson");
    const stored = await server.warroom.db.prisma.draftSession.findFirst({ where: { id: session_id } });
    expect(stored?.config).toMatchObject({ trade_chart: "johnson", seed: 7, cpu_randomness: 0 });
  });

  test("POST /api/sessions creates a session with a token per human seat and checks the admin key", async () => {
    const key = await league();
    const created = await session(key);
    expect(created.seats.map((s) => s.team_id)).toEqual(["CHI", "NE"]);
    expect(created.seats.every((s) => /^seat_/.test(s.token))).toBe(true);
    const body = { name: "x", rounds: 1, seconds_per_pick: 0, human_teams: [] };
    expect((await call(api.createSession(services, req("POST", "/api/sessions", body)))).status).toBe(401);
    expect((await call(api.createSession(services, req("POST", "/api/sessions", body, "adm_wrong")))).status).toBe(401);
    const bad = await call(
      api.createSession(services, req("POST", "/api/sessions", { ...body, rounds: 9, seconds_per_pick: 3 }, key)),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues.map((i: any) => i.path).sort()).toEqual(["rounds", "seconds_per_pick"]);
    expect(
      (await call(api.createSession(services, req("POST", "/api/sessions", { ...body, pool: "2023", rounds: 4 }, key))))
        .body.error.code,
    ).toBe("invalid_payload");
    expect(
      (await call(api.createSession(services, req("POST", "/api/sessions", { ...body, pool: "1999" }, key)))).status,
    ).toBe(404);
    expect(
      (await call(api.createSession(services, req("POST", "/api/sessions", { ...body, human_teams: ["XYZ"] }, key))))
        .status,
    ).toBe(404);
  });

  test("GET /api/pools lists the bundled draft classes with their real order", async () => {
    const { body } = await call(api.pools(services, req("GET", "/api/pools")));
    expect(body.map((p: any) => [p.pool, p.rounds, p.order.length, p.teams.length])).toEqual([
      ["2021", 7, 259, 32],
      ["2022", 7, 262, 32],
      ["2023", 3, 102, 32],
      ["2024", 7, 257, 32],
    ]);
  });

  test("GET /api/sessions lists sessions with status, the pick on the clock and open seats", async () => {
    const key = await league();
    const { session_id } = await session(key, { name: "Lobby check" });
    await call(
      api.action(services, req("POST", `/api/sessions/${session_id}/actions`, { action: "start" }, key), {
        id: session_id,
      }),
    );
    const { body } = await call(api.lobby(services));
    const entry = body.find((s: any) => s.session_id === session_id);
    expect(entry).toEqual({
      session_id,
      name: "Lobby check",
      status: "running",
      current_pick: { overall: 1, round: 1, pick_in_round: 1, team_id: "CHI", original_team_id: "CHI" },
      open_seats: ["CHI", "NE"],
    });
  });

  test("GET /api/sessions/:id returns the snapshot, 404 for an unknown id and 400 for a malformed one", async () => {
    const key = await league();
    const { session_id } = await session(key);
    const { body } = await call(api.snapshot(services, req("GET", "/"), { id: session_id }));
    expect(body).toMatchObject({
      session_id,
      name: "Mock",
      status: "lobby",
      seq: 0,
      rounds: 1,
      current_pick: null,
      picks: [],
      trades: [],
    });
    expect(body.order).toHaveLength(32);
    expect(body.teams.find((t: any) => t.team_id === "CHI")).toEqual({
      team_id: "CHI",
      name: "Chicago Bears",
      controller: "human",
    });
    expect(
      (await call(api.snapshot(services, req("GET", "/"), { id: "0b0e9a4c-6d1f-4b8e-9c3a-2f1e0d9c8b7a" }))).status,
    ).toBe(404);
    expect((await call(api.snapshot(services, req("GET", "/"), { id: "nope" }))).status).toBe(400);
  });

  test("GET players filters by availability and position, best rank first", async () => {
    const key = await league();
    const { session_id } = await session(key);
    expect(
      await call(api.action(services, req("POST", "/", { action: "start" }, key), { id: session_id })),
    ).toMatchObject({ status: 200 });
    expect(
      await call(api.action(services, req("POST", "/", { action: "force_autopick" }, key), { id: session_id })),
    ).toMatchObject({ status: 200 });
    const available = (await call(api.players(services, req("GET", "/x?available=true"), { id: session_id }))).body;
    expect(available[0].name).toBe("Jayden Daniels");
    expect(available).toHaveLength(256);
    const taken = (await call(api.players(services, req("GET", "/x?available=false"), { id: session_id }))).body;
    expect(taken.map((p: any) => p.name)).toEqual(["Caleb Williams"]);
    const qbs = (await call(api.players(services, req("GET", "/x?position=QB"), { id: session_id }))).body;
    expect(qbs.length).toBeGreaterThan(5);
    expect(qbs.every((p: any) => p.position === "QB")).toBe(true);
    expect(qbs.map((p: any) => p.rank)).toEqual([...qbs.map((p: any) => p.rank)].sort((a, b) => a - b));
  });

  test("GET events pages through the persisted log in seq order", async () => {
    const key = await league();
    const { session_id } = await session(key);
    for (const action of ["start", "force_autopick", "force_autopick", "pause"]) {
      expect((await call(api.action(services, req("POST", "/", { action }, key), { id: session_id }))).status).toBe(
        200,
      );
    }
    const all = (await call(api.events(services, req("GET", "/x"), { id: session_id }))).body;
    expect(all.map((e: any) => [e.seq, e.type])).toEqual([
      [1, "session_update"],
      [2, "draft_pick"],
      [3, "draft_pick"],
      [4, "session_update"],
    ]);
    expect(all[1].payload).toMatchObject({ seq: 2, pick: { overall: 1, auto: true } });
    const page = (await call(api.events(services, req("GET", "/x?after=1&limit=2"), { id: session_id }))).body;
    expect(page.map((e: any) => e.seq)).toEqual([2, 3]);
    expect((await call(api.events(services, req("GET", "/x?limit=1001"), { id: session_id }))).status).toBe(400);
  });

  test("claiming an open seat returns its token once, then 409", async () => {
    const key = await league();
    const { session_id } = await session(key);
    const first = await call(
      api.claimSeat(services, req("POST", "/", { display_name: "Ryan" }), { id: session_id, team_id: "NE" }),
    );
    expect(first.status).toBe(200);
    expect(first.body.token).toMatch(/^seat_/);
    expect(
      (
        await call(
          api.claimSeat(services, req("POST", "/", { display_name: "Poles" }), { id: session_id, team_id: "NE" }),
        )
      ).status,
    ).toBe(409);
    expect(
      (
        await call(
          api.claimSeat(services, req("POST", "/", { display_name: "CPU" }), { id: session_id, team_id: "KC" }),
        )
      ).status,
    ).toBe(409);
    expect(
      (await call(api.claimSeat(services, req("POST", "/", { display_name: "X" }), { id: session_id, team_id: "ZZZ" })))
        .status,
    ).toBe(404);
    expect((await call(api.claimSeat(services, req("POST", "/", {}), { id: session_id, team_id: "CHI" }))).status).toBe(
      400,
    );
    const lobby = (await call(api.lobby(services))).body.find((s: any) => s.session_id === session_id);
    expect(lobby.open_seats).toEqual(["CHI"]);
  });

  test("admin actions over HTTP need this league's key and a status that allows them", async () => {
    const key = await league();
    const otherKey = await league();
    const { session_id } = await session(key);
    const act = (action: string, token?: string) =>
      call(api.action(services, req("POST", "/", { action }, token), { id: session_id }));
    expect((await act("start")).status).toBe(401);
    expect((await act("start", otherKey)).status).toBe(403);
    expect((await act("pause", key)).body.error.code).toBe("invalid_state");
    const started = await act("start", key);
    expect(started.body).toMatchObject({ status: "running", current_pick: { overall: 1 } });
    expect((await act("undo_last_pick", key)).body.error.code).toBe("conflict");
    expect((await act("explode", key)).status).toBe(400);
    expect((await act("complete", key)).body.status).toBe("complete");
  });

  test("export gives the picks and trades as JSON, and as CSV one table a file", async () => {
    const key = await league();
    const { session_id } = await session(key);
    for (const action of ["start", "force_autopick"])
      await call(api.action(services, req("POST", "/", { action }, key), { id: session_id }));
    const asJson = await call(api.exportDraft(services, req("GET", "/x?format=json"), { id: session_id }));
    expect(asJson.body).toMatchObject({
      session_id,
      picks: [{ overall: 1, player: { name: "Caleb Williams" } }],
      trades: [],
    });
    const csv = await call(api.exportDraft(services, req("GET", "/x?format=csv"), { id: session_id }));
    expect(csv.body.split("\n").slice(0, 2)).toEqual([
      "overall,round,pick_in_round,team_id,original_team_id,player_id,player_name,position,college,rank,auto,made_at",
      expect.stringMatching(/^1,1,1,CHI,CHI,WillCa03,Caleb Williams,QB,,1,true,\d{4}-/),
    ]);
    expect(csv.body.trim().split("\n")).toHaveLength(2);
    const trades = await call(api.exportDraft(services, req("GET", "/x?format=csv&table=trades"), { id: session_id }));
    expect(trades.body).toBe(
      "trade_id,status,from_team_id,to_team_id,give,receive,give_future,receive_future,chart,value_give,value_receive\n",
    );
    expect(
      (await call(api.exportDraft(services, req("GET", "/x?format=csv&table=bids"), { id: session_id }))).status,
    ).toBe(400);
    expect((await call(api.exportDraft(services, req("GET", "/x?format=xml"), { id: session_id }))).status).toBe(400);
  });

  test("GET results summarises every team: picks, needs, value against the board and trades", async () => {
    const key = await league();
    const { session_id } = await session(key);
    for (const action of ["start", "force_autopick", "force_autopick"])
      await call(api.action(services, req("POST", "/", { action }, key), { id: session_id }));
    const { status, body } = await call(api.results(services, req("GET", "/x"), { id: session_id }));
    expect(status).toBe(200);
    expect(body.teams).toHaveLength(32);
    const chi = body.teams.find((t: any) => t.team_id === "CHI");
    expect(chi.picks).toHaveLength(1);
    expect(chi.board_value).toBe(chi.picks[0].overall - chi.picks[0].player.rank);
    expect(chi.needs.length).toBeGreaterThan(0);
    expect(chi.trades).toEqual({ chart: "hill", count: 0, value_in: 0, value_out: 0, net: 0 });
  });

  test("admin sign-in keeps the key in an HttpOnly, SameSite=Strict cookie that then authorises admin routes", async () => {
    const key = await league();
    const signIn = await api.adminSignIn(services, req("POST", "/api/admin/session", { admin_key: key }));
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^warroom_admin=adm_[\w-]+; Max-Age=\d+; Path=\/; HttpOnly; SameSite=Strict$/);
    const overHttps = await api.adminSignIn(
      services,
      new Request("https://warroom.test/api/admin/session", {
        method: "POST",
        body: JSON.stringify({ admin_key: key }),
      }),
    );
    expect(overHttps.headers.get("set-cookie")).toMatch(/; Secure$/);
    expect((await call(api.adminSignIn(services, req("POST", "/", { admin_key: "adm_nope" })))).status).toBe(401);

    const withCookie = (method: string, path: string, body?: unknown) =>
      new Request(BASE + path, {
        method,
        headers: { cookie: cookie.split(";")[0]!, "content-type": "application/json" },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
    expect((await call(api.adminMe(services, withCookie("GET", "/api/admin/session")))).body).toMatchObject({
      name: "HTTP league",
    });
    const { session_id } = await session(key, { name: "Cookie run" });
    const other = await session(await league(), { name: "Not mine" });
    const mine = (await call(api.adminSessions(services, withCookie("GET", "/api/admin/sessions")))).body;
    expect(mine.map((s: any) => s.session_id)).toContain(session_id);
    expect(mine.map((s: any) => s.session_id)).not.toContain(other.session_id);
    expect(
      (await call(api.action(services, withCookie("POST", "/", { action: "start" }), { id: session_id }))).body.status,
    ).toBe("running");
    const signOut = await api.adminSignOut(services, withCookie("DELETE", "/api/admin/session"));
    expect(signOut.headers.get("set-cookie")).toMatch(/^warroom_admin=; Max-Age=0/);
    expect((await call(api.adminMe(services, req("GET", "/api/admin/session")))).status).toBe(401);
  });

  test("an admin picks on a team's behalf and executes a commissioner trade over HTTP; others may not", async () => {
    const key = await league();
    const otherKey = await league();
    const { session_id } = await session(key);
    await call(api.action(services, req("POST", "/", { action: "start" }, key), { id: session_id }));
    const trade = await call(
      api.adminTrade(
        services,
        req("POST", "/", { from_team_id: "CHI", to_team_id: "NE", give: [1], receive: [3] }, key),
        { id: session_id },
      ),
    );
    expect(trade.body.trade).toMatchObject({ status: "executed", from_team_id: "CHI", to_team_id: "NE" });
    expect(
      (
        await call(
          api.adminTrade(
            services,
            req("POST", "/", { from_team_id: "CHI", to_team_id: "NE", give: [3], receive: [1] }, otherKey),
            { id: session_id },
          ),
        )
      ).status,
    ).toBe(403);
    const pick = await call(
      api.adminPick(services, req("POST", "/", { team_id: "NE", player_id: "MayeDr00", expected_overall: 1 }, key), {
        id: session_id,
      }),
    );
    expect(pick.body.pick).toMatchObject({ overall: 1, team_id: "NE", auto: false, player: { name: "Drake Maye" } });
    expect(
      (
        await call(
          api.adminPick(services, req("POST", "/", { team_id: "WAS", player_id: "WillCa03" }), { id: session_id }),
        )
      ).status,
    ).toBe(401);
    expect(
      (
        await call(
          api.adminPick(
            services,
            req("POST", "/", { team_id: "WAS", player_id: "WillCa03", expected_overall: 1 }, key),
            { id: session_id },
          ),
        )
      ).status,
    ).toBe(409);
  });

  test("rotating a seat token hands out a new one and the old one stops working", async () => {
    const key = await league();
    const { session_id, seats } = await session(key);
    const old = seats.find((s) => s.team_id === "CHI")!.token;
    const rotated = await call(
      api.rotateSeatToken(services, req("POST", "/", undefined, key), { id: session_id, team_id: "CHI" }),
    );
    expect(rotated.body.token).toMatch(/^seat_/);
    await expect(server.warroom.access.resolveRole(session_id, old)).rejects.toMatchObject({ code: "unauthorized" });
    expect(await server.warroom.access.resolveRole(session_id, rotated.body.token)).toEqual({
      role: "team",
      team_id: "CHI",
    });
    expect(
      (await call(api.rotateSeatToken(services, req("POST", "/", undefined, key), { id: session_id, team_id: "KC" })))
        .status,
    ).toBe(404);
  });

  test("/healthz reports the database", async () => {
    expect(await call(api.health(services))).toEqual({ status: 200, body: { db: "ok", redis: "off" } });
  });
});
