// The contract's HTTP routes (trades aside). Each takes the services and the
// Web Request, so route files stay one line and tests call these directly.
import { sessionIdSchema, teamIdSchema } from "../../protocol/commands";
import {
  claimSeatSchema,
  createLeagueSchema,
  createSessionSchema,
  eventsQuerySchema,
  exportQuerySchema,
  playersQuerySchema,
  sessionActionSchema,
} from "../../protocol/http";
import { parseOrThrow } from "../../protocol/validate";
import type { HttpServices } from "./registry";
import { bearerToken, handle, json, readJson } from "./respond";

type Params = Record<string, string>;
const query = (request: Request) => Object.fromEntries(new URL(request.url).searchParams);
const sessionParam = (params: Params) => parseOrThrow(sessionIdSchema, params.id);

export const api = {
  createLeague: (s: HttpServices, request: Request) =>
    handle(async () => {
      const { name } = parseOrThrow(createLeagueSchema, await readJson(request));
      return json(await s.service.createLeague(name), 201);
    }),

  createSession: (s: HttpServices, request: Request) =>
    handle(async () => {
      const token = bearerToken(request);
      const body = parseOrThrow(createSessionSchema, await readJson(request));
      return json(await s.service.createSession(token, body), 201);
    }),

  pools: (s: HttpServices) => handle(async () => json(await s.queries.pools())),

  lobby: (s: HttpServices) => handle(async () => json(await s.queries.lobby())),

  snapshot: (s: HttpServices, _request: Request, params: Params) => handle(async () => json(await s.service.snapshot(sessionParam(params)))),

  players: (s: HttpServices, request: Request, params: Params) =>
    handle(async () => {
      const id = sessionParam(params);
      const { available, position } = parseOrThrow(playersQuerySchema, query(request));
      return json(await s.queries.players(id, { ...(available ? { available: available === "true" } : {}), ...(position ? { position } : {}) }));
    }),

  events: (s: HttpServices, request: Request, params: Params) =>
    handle(async () => {
      const id = sessionParam(params);
      const { after, limit } = parseOrThrow(eventsQuerySchema, query(request));
      return json(await s.queries.events(id, after, limit));
    }),

  claimSeat: (s: HttpServices, request: Request, params: Params) =>
    handle(async () => {
      const id = sessionParam(params);
      const teamId = parseOrThrow(teamIdSchema, params.team_id);
      const { display_name } = parseOrThrow(claimSeatSchema, await readJson(request));
      return json(await s.service.claimSeat(id, teamId, display_name));
    }),

  action: (s: HttpServices, request: Request, params: Params) =>
    handle(async () => {
      const id = sessionParam(params);
      const token = bearerToken(request);
      const { action } = parseOrThrow(sessionActionSchema, await readJson(request));
      return json(await s.service.adminActionWithKey(token, id, action));
    }),

  results: (s: HttpServices, _request: Request, params: Params) => handle(async () => json(await s.queries.results(sessionParam(params)))),

  exportDraft: (s: HttpServices, request: Request, params: Params) =>
    handle(async () => {
      const id = sessionParam(params);
      const { format } = parseOrThrow(exportQuerySchema, query(request));
      const { body, contentType } = await s.queries.exportDraft(id, format);
      return new Response(body, {
        headers: { "content-type": contentType, "content-disposition": `attachment; filename="draft-${id}.${format}"` },
      });
    }),

  health: async (s: HttpServices) => {
    try {
      return json(await s.health());
    } catch {
      return json({ db: "down", redis: "off" }, 503);
    }
  },
};
