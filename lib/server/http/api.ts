// One handler per route of lib/protocol/routes.ts, reading its query and body
// with the route's own schemas. Each takes the services and the Web Request,
// so route files stay one line and tests call these directly.
import { sessionIdSchema, teamIdSchema } from "../../protocol/commands";
import { poolIdSchema } from "../../protocol/pool-import";
import { ROUTES, type RouteName } from "../../protocol/routes";
import { parseOrThrow } from "../../protocol/validate";
import type { ApiHandler, HttpServices } from "./registry";
import { adminCookie, adminCredential } from "./admin-credential";
import { handle, IMPORT_BODY_LIMIT, json, readJson } from "./respond";
import { healthy } from "../health/dependency-health";

type Params = Record<string, string>;
const query = (request: Request) => Object.fromEntries(new URL(request.url).searchParams);
const sessionParam = (params: Params) => parseOrThrow(sessionIdSchema, params.id);
const poolParam = (params: Params) => parseOrThrow(poolIdSchema, params.pool);
/** Only the fields given: an absent query parameter is not an `undefined` filter. */
const given = <T extends Record<string, unknown>>(fields: T) =>
  Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]?: NonNullable<T[K]>;
  };

function download(body: string, contentType: string, fileName: string): Response {
  return new Response(body, {
    headers: {
      "content-type": contentType,
      "content-disposition": `attachment; filename="${fileName}"`,
      "cache-control": "no-store",
    },
  });
}

export const api = {
  createLeague: (s: HttpServices, request: Request) =>
    handle(async () => {
      const { name } = parseOrThrow(ROUTES.createLeague.body, await readJson(request));
      return json(await s.access.createLeague(name), 201);
    }),

  createSession: (s: HttpServices, request: Request) =>
    handle(async () => {
      const leagueId = await s.access.leagueOf(adminCredential(request));
      const body = parseOrThrow(ROUTES.createSession.body, await readJson(request));
      return json(await s.setup.createSession(leagueId, body), 201);
    }),

  pools: (s: HttpServices, request: Request) =>
    handle(async () => {
      const { kind, league_id } = parseOrThrow(ROUTES.pools.query, query(request));
      return json(await s.pools.list(given({ kind, leagueId: league_id })));
    }),

  importPool: (s: HttpServices, request: Request) =>
    handle(async () => {
      const { dry_run } = parseOrThrow(ROUTES.importPool.query, query(request));
      const dryRun = dry_run === "true" || dry_run === "1";
      // who asks comes first: a stranger's megabyte is not read, let alone checked
      const adminKey = adminCredential(request);
      await s.access.leagueOf(adminKey);
      const started = performance.now();
      const body = await readJson(request, IMPORT_BODY_LIMIT);
      const response = json(await s.pools.importPool(adminKey, body, dryRun), dryRun ? 200 : 201);
      // the server's own time (reading, parsing, checking, writing), for the benchmark and browser dev tools
      response.headers.set("server-timing", `import;dur=${(performance.now() - started).toFixed(1)}`);
      return response;
    }),

  pool: (s: HttpServices, _request: Request, params: Params) =>
    handle(async () => json(await s.pools.detail(poolParam(params)))),

  deletePool: (s: HttpServices, request: Request, params: Params) =>
    handle(async () => {
      await s.pools.deletePool(adminCredential(request), poolParam(params));
      return new Response(null, { status: 204, headers: { "cache-control": "no-store" } });
    }),

  poolPlayers: (s: HttpServices, request: Request, params: Params) =>
    handle(async () => {
      const pool = poolParam(params);
      const { q, position } = parseOrThrow(ROUTES.poolPlayers.query, query(request));
      return json(await s.pools.players(pool, given({ q, position })));
    }),

  exportPool: (s: HttpServices, request: Request, params: Params) =>
    handle(async () => {
      const pool = poolParam(params);
      const { format } = parseOrThrow(ROUTES.exportPool.query, query(request));
      const { body, contentType, fileName } = await s.pools.exportPool(pool, format);
      return download(body, contentType, fileName);
    }),

  lobby: (s: HttpServices) => handle(async () => json(await s.queries.lobby())),

  snapshot: (s: HttpServices, _request: Request, params: Params) =>
    handle(async () => json(await s.reads.snapshot(sessionParam(params)))),

  players: (s: HttpServices, request: Request, params: Params) =>
    handle(async () => {
      const id = sessionParam(params);
      const { available, position, q } = parseOrThrow(ROUTES.players.query, query(request));
      return json(
        await s.queries.players(
          id,
          given({ available: available === undefined ? undefined : available === "true", position, q }),
        ),
      );
    }),

  events: (s: HttpServices, request: Request, params: Params) =>
    handle(async () => {
      const id = sessionParam(params);
      const { after, limit } = parseOrThrow(ROUTES.events.query, query(request));
      return json(await s.queries.events(id, after, limit));
    }),

  claimSeat: (s: HttpServices, request: Request, params: Params) =>
    handle(async () => {
      const id = sessionParam(params);
      const teamId = parseOrThrow(teamIdSchema, params.team_id);
      const { display_name } = parseOrThrow(ROUTES.claimSeat.body, await readJson(request));
      return json(await s.access.claimSeat(id, teamId, display_name));
    }),

  action: (s: HttpServices, request: Request, params: Params) =>
    handle(async () => {
      const id = sessionParam(params);
      const token = adminCredential(request);
      const { action } = parseOrThrow(ROUTES.action.body, await readJson(request));
      return json(await s.commands.adminAction(id, await s.access.adminOf(token, id), action));
    }),

  results: (s: HttpServices, _request: Request, params: Params) =>
    handle(async () => json(await s.queries.results(sessionParam(params)))),

  exportDraft: (s: HttpServices, request: Request, params: Params) =>
    handle(async () => {
      const id = sessionParam(params);
      const { format, table } = parseOrThrow(ROUTES.exportDraft.query, query(request));
      const { body, contentType } = await s.queries.exportDraft(id, format, table);
      return download(
        body,
        contentType,
        `draft-${id}${format === "csv" && table === "trades" ? "-trades" : ""}.${format}`,
      );
    }),

  adminSignIn: (s: HttpServices, request: Request) =>
    handle(async () => {
      const { admin_key } = parseOrThrow(ROUTES.adminSignIn.body, await readJson(request));
      const league = await s.access.league(admin_key);
      const response = json(league);
      response.headers.set("set-cookie", adminCookie(request, admin_key));
      return response;
    }),

  adminSignOut: (_s: HttpServices, request: Request) =>
    handle(async () => {
      const response = json({});
      response.headers.set("set-cookie", adminCookie(request, null));
      return response;
    }),

  rotateAdminKey: (s: HttpServices, request: Request) =>
    handle(async () => {
      const rotated = await s.access.rotateAdminKey(adminCredential(request));
      const response = json(rotated);
      // the console's cookie held the old key: it gets the new one
      response.headers.set("set-cookie", adminCookie(request, rotated.admin_key));
      return response;
    }),

  adminMe: (s: HttpServices, request: Request) =>
    handle(async () => json(await s.access.league(adminCredential(request)))),

  adminSessions: (s: HttpServices, request: Request) =>
    handle(async () => json(await s.queries.lobby(await s.access.leagueOf(adminCredential(request))))),

  adminPick: (s: HttpServices, request: Request, params: Params) =>
    handle(async () => {
      const id = sessionParam(params);
      const { team_id, player_id, expected_overall } = parseOrThrow(ROUTES.adminPick.body, await readJson(request));
      const input = {
        teamId: team_id,
        playerId: player_id,
        ...(expected_overall !== undefined ? { expectedOverall: expected_overall } : {}),
      };
      return json({ pick: await s.commands.makePick(id, await s.access.adminOf(adminCredential(request), id), input) });
    }),

  adminTrade: (s: HttpServices, request: Request, params: Params) =>
    handle(async () => {
      const id = sessionParam(params);
      const { from_team_id, to_team_id, give, receive, give_future, receive_future } = parseOrThrow(
        ROUTES.adminTrade.body,
        await readJson(request),
      );
      return json({
        trade: await s.commands.proposeTrade(id, await s.access.adminOf(adminCredential(request), id), {
          fromTeamId: from_team_id,
          toTeamId: to_team_id,
          give,
          receive,
          ...(give_future ? { giveFuture: give_future } : {}),
          ...(receive_future ? { receiveFuture: receive_future } : {}),
        }),
      });
    }),

  adminChat: (s: HttpServices, request: Request, params: Params) =>
    handle(async () => {
      const id = sessionParam(params);
      const { text } = parseOrThrow(ROUTES.adminChat.body, await readJson(request));
      await s.access.adminOf(adminCredential(request), id);
      return json({ message: await s.chat.send(id, { role: "admin" }, text) });
    }),

  seats: (s: HttpServices, request: Request, params: Params) =>
    handle(async () => {
      const id = sessionParam(params);
      return json(await s.access.seatHolders(await s.access.adminOf(adminCredential(request), id), id));
    }),

  rotateSeatToken: (s: HttpServices, request: Request, params: Params) =>
    handle(async () => {
      const id = sessionParam(params);
      const teamId = parseOrThrow(teamIdSchema, params.team_id);
      const admin = await s.access.adminOf(adminCredential(request), id);
      return json(await s.access.rotateSeatToken(admin, id, teamId));
    }),

  health: async (s: HttpServices) => {
    const report = await s.health();
    return json(report, healthy(report) ? 200 : 503);
  },
} satisfies Record<RouteName, ApiHandler>;
