// Every socket event and every HTTP route, for every role a client can hold:
// anonymous, spectator, the seat of team A, the seat of team B, the admin of
// this league and the admin of another league. Each cell runs on a fresh
// running draft (A = CHI on the clock at pick 1, B = WAS at pick 2) so no cell
// depends on another.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { Socket } from "socket.io-client";
import { API_ROUTES, type ApiRoute } from "../../lib/server/http/routes";
import { CLIENT_EVENT_NAMES, type ClientEventName } from "../../lib/protocol/events";
import { createDraft } from "../support/fixtures";
import { backendName } from "../support/test-database";
import { request, requestRaw } from "../support/test-server";
import { startSecurityServer, type SecurityServer } from "./support/security-server";
import { ADMIN } from "../../lib/server/sessions/access";

jest.setTimeout(120_000);

const ROLES = ["anonymous", "spectator", "seat_a", "seat_b", "admin", "other_admin"] as const;
type RoleName = (typeof ROLES)[number];
type Outcome = "ok" | "unauthorized" | "forbidden" | "invalid_payload" | "not_found" | "conflict";
const A = "CHI";
const B = "WAS";

let server: SecurityServer;
beforeAll(async () => {
  server = await startSecurityServer({ rateLimit: { burst: 10_000, perSecond: 10_000 } });
});
afterAll(async () => {
  await server.close();
});

/** A one-round class of 40 prospects: enough for the 2024 order's first round. */
const SMALL_CLASS = {
  name: "Matrix class",
  rounds: 1,
  prospects_csv: [
    "rank,name,position",
    ...Array.from({ length: 40 }, (_, i) => `${i + 1},Prospect ${i + 1},${["QB", "WR", "EDGE", "CB"][i % 4]}`),
  ].join("\n"),
};

async function freshDraft() {
  const draft = await createDraft(server.warroom, { human_teams: [A, B] });
  // an imported class of this league that no session uses, so a delete can succeed
  const imported = await server.warroom.pools.importPool(draft.adminKey, SMALL_CLASS, false);
  const poolId = "pool" in imported ? imported.pool : "";
  const other = await server.warroom.access.createLeague("Other league");
  await server.warroom.commands.adminAction(draft.sessionId, ADMIN, "start");
  const credential: Record<RoleName, string | undefined> = {
    anonymous: undefined,
    spectator: undefined,
    seat_a: draft.seat(A),
    seat_b: draft.seat(B),
    admin: draft.adminKey,
    other_admin: other.admin_key,
  };
  return { ...draft, poolId, credential };
}
type Draft = Awaited<ReturnType<typeof freshDraft>>;

/** A socket holding the role: joined with its credential, except anonymous (never joined). */
async function socketAs(draft: Draft, role: RoleName): Promise<Socket> {
  const socket = await server.client();
  if (role !== "anonymous") {
    const token = draft.credential[role];
    const joined = await request(socket, "join_session", { session_id: draft.sessionId, ...(token ? { token } : {}) });
    expect(joined.ok).toBe(role !== "other_admin"); // another league's key never gets in
  }
  return socket;
}

// ---- socket events -------------------------------------------------------------------------

interface SocketCell {
  payload: (draft: Draft, role: RoleName) => Promise<Record<string, unknown>> | Record<string, unknown>;
  expected: Record<RoleName, Outcome>;
}
/** a socket that never joined (anonymous, or refused like another league's admin) is unauthorized; the joined roles as given */
const joinedOnly = (spectator: Outcome, a: Outcome, b: Outcome, admin: Outcome): Record<RoleName, Outcome> => ({
  anonymous: "unauthorized",
  spectator,
  seat_a: a,
  seat_b: b,
  admin,
  other_admin: "unauthorized",
});

const SOCKET_MATRIX: Record<ClientEventName, SocketCell> = {
  join_session: {
    payload: (draft, role) => ({
      session_id: draft.sessionId,
      ...(draft.credential[role] ? { token: draft.credential[role] } : {}),
    }),
    expected: { anonymous: "ok", spectator: "ok", seat_a: "ok", seat_b: "ok", admin: "ok", other_admin: "forbidden" },
  },
  leave_session: {
    payload: (draft) => ({ session_id: draft.sessionId }),
    expected: joinedOnly("ok", "ok", "ok", "ok"),
  },
  make_pick: {
    payload: (draft) => ({ session_id: draft.sessionId, team_id: A, player_id: "WillCa03", expected_overall: 1 }),
    expected: joinedOnly("forbidden", "ok", "forbidden", "ok"),
  },
  set_queue: {
    payload: (draft) => ({ session_id: draft.sessionId, team_id: A, player_ids: ["WillCa03", "MayeDr00"] }),
    expected: joinedOnly("forbidden", "ok", "forbidden", "ok"),
  },
  propose_trade: {
    payload: (draft) => ({ session_id: draft.sessionId, from_team_id: A, to_team_id: B, give: [1], receive: [2] }),
    expected: joinedOnly("forbidden", "ok", "forbidden", "ok"),
  },
  respond_trade: {
    // A offered B a swap of firsts; accepting is B's call (or the commissioner's)
    payload: async (draft) => {
      const trade = await server.warroom.commands.proposeTrade(
        draft.sessionId,
        { kind: "team", teamId: A },
        { fromTeamId: A, toTeamId: B, give: [1], receive: [2] },
      );
      return { session_id: draft.sessionId, trade_id: trade.trade_id, accept: true };
    },
    expected: joinedOnly("forbidden", "forbidden", "ok", "ok"),
  },
  // shopping the pick on the clock is its holder's (or the commissioner's) call
  shop_pick: {
    payload: (draft) => ({ session_id: draft.sessionId, team_id: A }),
    expected: joinedOnly("forbidden", "ok", "forbidden", "ok"),
  },
  admin_action: {
    payload: (draft) => ({ session_id: draft.sessionId, action: "pause" }),
    expected: joinedOnly("forbidden", "forbidden", "forbidden", "ok"),
  },
  // seats and the commissioner chat; spectators read only (PROTOCOL.md v2, "Room chat")
  send_chat: {
    payload: (draft) => ({ session_id: draft.sessionId, text: "  good luck on the clock  " }),
    expected: joinedOnly("forbidden", "ok", "ok", "ok"),
  },
  ping: {
    payload: () => ({ client_time: 1 }),
    expected: { anonymous: "ok", spectator: "ok", seat_a: "ok", seat_b: "ok", admin: "ok", other_admin: "ok" },
  },
};

// ---- HTTP routes ---------------------------------------------------------------------------

interface HttpCell {
  params?: (draft: Draft) => Record<string, string>;
  query?: string;
  body?: (draft: Draft, role: RoleName) => unknown;
  expected: Record<RoleName, number>;
}
const everyone = (status: number): Record<RoleName, number> => ({
  anonymous: status,
  spectator: status,
  seat_a: status,
  seat_b: status,
  admin: status,
  other_admin: status,
});
/** admin of this league only */
const thisAdmin = (ok: number): Record<RoleName, number> => ({
  anonymous: 401,
  spectator: 401,
  seat_a: 401,
  seat_b: 401,
  admin: ok,
  other_admin: 403,
});
/** any league admin (acts on its own league) */
const anyAdmin = (ok: number): Record<RoleName, number> => ({
  anonymous: 401,
  spectator: 401,
  seat_a: 401,
  seat_b: 401,
  admin: ok,
  other_admin: ok,
});
const session = (draft: Draft) => ({ id: draft.sessionId });

const HTTP_MATRIX: Record<string, HttpCell> = {
  "POST /api/leagues": { body: () => ({ name: "Matrix league" }), expected: everyone(201) },
  "GET /api/pools": { expected: everyone(200) },
  // an admin imports into its own league
  "POST /api/pools": { body: () => SMALL_CLASS, expected: anyAdmin(201) },
  "GET /api/pools/:pool": { params: (d) => ({ pool: d.poolId }), expected: everyone(200) },
  "GET /api/pools/:pool/players": {
    params: (d) => ({ pool: d.poolId }),
    query: "?q=prospect",
    expected: everyone(200),
  },
  "GET /api/pools/:pool/export": { params: (d) => ({ pool: d.poolId }), query: "?format=csv", expected: everyone(200) },
  // only the league that imported it deletes it; another league's admin is refused before anything else is checked
  "DELETE /api/pools/:pool": { params: (d) => ({ pool: d.poolId }), expected: thisAdmin(204) },
  "GET /api/sessions": { expected: everyone(200) },
  "POST /api/sessions": {
    body: () => ({ name: "Matrix", rounds: 1, seconds_per_pick: 0, human_teams: [A] }),
    expected: anyAdmin(201),
  },
  "GET /api/sessions/:id": { params: session, expected: everyone(200) },
  "GET /api/sessions/:id/players": { params: session, query: "?available=true", expected: everyone(200) },
  "GET /api/sessions/:id/events": { params: session, expected: everyone(200) },
  "GET /api/sessions/:id/results": { params: session, expected: everyone(200) },
  "GET /api/sessions/:id/export": { params: session, query: "?format=csv", expected: everyone(200) },
  // seats are open until claimed: first come, first served, no credential needed
  "POST /api/sessions/:id/seats/:team_id/claim": {
    params: (d) => ({ id: d.sessionId, team_id: A }),
    body: () => ({ display_name: "Fan" }),
    expected: everyone(200),
  },
  // who holds each seat: the commissioner's view
  "GET /api/sessions/:id/seats": { params: session, expected: thisAdmin(200) },
  "POST /api/sessions/:id/seats/:team_id/token": {
    params: (d) => ({ id: d.sessionId, team_id: A }),
    expected: thisAdmin(200),
  },
  "POST /api/sessions/:id/actions": { params: session, body: () => ({ action: "pause" }), expected: thisAdmin(200) },
  // the console posts as the commissioner over HTTP (an addition)
  "POST /api/sessions/:id/chat": {
    params: session,
    body: () => ({ text: "Round 1 is on." }),
    expected: thisAdmin(200),
  },
  "POST /api/sessions/:id/picks": {
    params: session,
    body: () => ({ team_id: A, player_id: "WillCa03", expected_overall: 1 }),
    expected: thisAdmin(200),
  },
  "POST /api/sessions/:id/trades": {
    params: session,
    body: () => ({ from_team_id: A, to_team_id: B, give: [1], receive: [2] }),
    expected: thisAdmin(200),
  },
  "GET /api/admin/session": { expected: anyAdmin(200) },
  // the sign-in form sends the key in the body; a seat token or nothing is no admin key
  "POST /api/admin/session": {
    body: (d, role) => ({ admin_key: d.credential[role] ?? "none" }),
    expected: anyAdmin(200),
  },
  "DELETE /api/admin/session": { expected: everyone(200) },
  "GET /api/admin/sessions": { expected: anyAdmin(200) },
  // any admin may replace its own league's key (each cell's league is fresh)
  "POST /api/admin/key": { expected: anyAdmin(200) },
  "GET /healthz": { expected: everyone(200) },
};

const routeKey = (route: ApiRoute) => `${route.method} ${route.path}`;

describe(`authorisation matrix (${backendName})`, () => {
  test("the route table is exactly the app's route files, and the matrix covers every route and event", () => {
    const appDir = path.resolve(__dirname, "../../app");
    const found: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = path.join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else if (name === "route.ts") {
          const urlPath =
            "/" +
            path
              .relative(appDir, dir)
              .split(path.sep)
              .map((part) => part.replace(/^\[(.+)\]$/, ":$1"))
              .join("/");
          for (const [, method, handler] of readFileSync(full, "utf8").matchAll(
            /export const (GET|POST|PUT|PATCH|DELETE) = route\(api\.(\w+)\)/g,
          )) {
            found.push(`${method} ${urlPath} ${handler}`);
          }
        }
      }
    };
    walk(appDir);
    expect(found.sort()).toEqual(API_ROUTES.map((r) => `${r.method} ${r.path} ${r.name}`).sort());
    expect(Object.keys(HTTP_MATRIX).sort()).toEqual(API_ROUTES.map(routeKey).sort());
    expect(Object.keys(SOCKET_MATRIX).sort()).toEqual([...CLIENT_EVENT_NAMES].sort());
  });

  test("every socket event and HTTP route × every role gives the expected outcome", async () => {
    const mismatches: string[] = [];
    let cells = 0;

    for (const [event, cell] of Object.entries(SOCKET_MATRIX)) {
      for (const role of ROLES) {
        const draft = await freshDraft();
        const socket = await socketAs(draft, role);
        // every cell's payload is well formed for its event (the matrix is about who, not what)
        const answer = await requestRaw(socket, event, await cell.payload(draft, role));
        const outcome = answer.ok ? "ok" : answer.error?.code;
        cells++;
        if (outcome !== cell.expected[role])
          mismatches.push(
            `socket ${event} as ${role}: expected ${cell.expected[role]}, got ${outcome} (${answer.error?.message})`,
          );
        socket.disconnect();
      }
    }

    for (const route of API_ROUTES) {
      const cell = HTTP_MATRIX[routeKey(route)]!;
      for (const role of ROLES) {
        const draft = await freshDraft();
        const params = cell.params?.(draft) ?? {};
        const urlPath =
          route.path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name]!)) + (cell.query ?? "");
        const credential = draft.credential[role];
        const body = cell.body?.(draft, role);
        // signing in sends the key in the body, signing out sends nothing; every other call presents the role's credential
        const signInOrOut = route.path === "/api/admin/session" && route.method !== "GET";
        const response = await fetch(server.url + urlPath, {
          method: route.method,
          headers: {
            "content-type": "application/json",
            ...(credential && !signInOrOut ? { authorization: `Bearer ${credential}` } : {}),
          },
          ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        });
        const text = await response.text();
        cells++;
        if (response.status !== cell.expected[role])
          mismatches.push(
            `HTTP ${route.method} ${route.path} as ${role}: expected ${cell.expected[role]}, got ${response.status} ${text.slice(0, 120)}`,
          );
        if (response.status >= 400 && !/"code":"\w+"/.test(text))
          mismatches.push(`HTTP ${route.method} ${route.path} as ${role}: no error code`);
        // another league's admin sees its own sessions, never this one
        if (route.path === "/api/admin/sessions" && role === "other_admin" && text.includes(draft.sessionId))
          mismatches.push("another league's admin listed this session");
      }
    }

    const socketCells = Object.keys(SOCKET_MATRIX).length * ROLES.length;
    console.log(
      `authorisation matrix (${backendName}): ${cells} cells = ${Object.keys(SOCKET_MATRIX).length} socket events × ${ROLES.length} roles (${socketCells}) + ${API_ROUTES.length} HTTP routes × ${ROLES.length} roles (${cells - socketCells}); ${mismatches.length} mismatches`,
    );
    expect(mismatches).toEqual([]);
  });
});
