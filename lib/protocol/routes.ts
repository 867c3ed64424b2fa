// Every HTTP route of the API, once: method, path, who may call it, and the
// schemas of its query, body and answer. The server's route table and its
// handlers, the browser's API client (lib/client/http-client.ts) and the tests
// all derive from this, so a path or an answer's shape is written in one place.
import { z } from "zod";
import {
  adminPickSchema,
  adminSignInSchema,
  adminTradeSchema,
  claimSeatSchema,
  createLeagueSchema,
  createSessionSchema,
  eventsQuerySchema,
  exportQuerySchema,
  playersQuerySchema,
  SEAT_ACCESS,
  sessionActionSchema,
} from "./http";
import { adminChatSchema, chatMessageSchema } from "./chat";
import { importQuerySchema } from "./pool-import";
import {
  importedPoolSchema,
  poolCheckSchema,
  poolDetailSchema,
  poolExportQuerySchema,
  poolPlayersQuerySchema,
  poolsQuerySchema,
  poolSummarySchema,
} from "./pools";
import { resultsSchema } from "./results";
import {
  CONTROLLERS,
  logItemSchema,
  pickSchema,
  playerSchema,
  sessionStatusSchema,
  slotSchema,
  snapshotSchema,
  tradeSchema,
} from "./shapes";

export const lobbyEntrySchema = z.object({
  session_id: z.string(),
  name: z.string(),
  status: sessionStatusSchema,
  current_pick: slotSchema.nullable(),
  open_seats: z.array(z.string()),
  /** an addition: "invite" sessions never list open seats; their seats are taken by link only */
  seat_access: z.enum(SEAT_ACCESS),
  /** an addition: the last time a seat or an admin was connected, or the draft moved (ISO 8601) */
  last_active_at: z.string(),
  /** an addition: not complete, and nobody connected nor anything happened for 24 hours */
  inactive: z.boolean(),
});
export type LobbyEntry = z.infer<typeof lobbyEntrySchema>;

export const leagueSchema = z.object({ league_id: z.string(), name: z.string() });
export const createdLeagueSchema = z.object({ league_id: z.string(), admin_key: z.string() });
export const createdSessionSchema = z.object({
  session_id: z.string(),
  seats: z.array(z.object({ team_id: z.string(), token: z.string() })),
});
const tokenSchema = z.object({ token: z.string() });
/** An addition: who holds each seat, for the commissioner. `claimed`: taken in the lobby or its link was used. */
export const seatHolderSchema = z.object({
  team_id: z.string(),
  name: z.string(),
  controller: z.enum(CONTROLLERS),
  claimed: z.boolean(),
  display_name: z.string().nullable(),
});
export type SeatHolder = z.infer<typeof seatHolderSchema>;
/** "down" names the dependency that is down (the answer is then 503); "off": Redis is not configured. */
export const healthSchema = z.object({ db: z.enum(["ok", "down"]), redis: z.enum(["ok", "down", "off"]) });

/** none: anyone; admin: a league's admin key (Bearer) or the admin console's cookie. */
export type RouteAuth = "none" | "admin";
/** What a route answers: JSON of this schema, a file to download, or nothing (204). */
export type RouteAnswer = z.ZodType | "file" | "empty";

export interface RouteDef {
  method: "GET" | "POST" | "DELETE";
  /** with :id, :team_id and :pool placeholders, as the app folders' [id], [team_id] and [pool] */
  path: string;
  auth: RouteAuth;
  query?: z.ZodType;
  body?: z.ZodType;
  answer: RouteAnswer;
}

export const ROUTES = {
  createLeague: {
    method: "POST",
    path: "/api/leagues",
    auth: "none",
    body: createLeagueSchema,
    answer: createdLeagueSchema,
  },
  pools: {
    method: "GET",
    path: "/api/pools",
    auth: "none",
    query: poolsQuerySchema,
    answer: z.array(poolSummarySchema),
  },
  // the body is checked record by record (lib/pools/import), so every problem is named with its line
  importPool: {
    method: "POST",
    path: "/api/pools",
    auth: "admin",
    query: importQuerySchema,
    body: z.unknown(),
    answer: z.union([importedPoolSchema, poolCheckSchema]),
  },
  pool: { method: "GET", path: "/api/pools/:pool", auth: "none", answer: poolDetailSchema },
  deletePool: { method: "DELETE", path: "/api/pools/:pool", auth: "admin", answer: "empty" },
  poolPlayers: {
    method: "GET",
    path: "/api/pools/:pool/players",
    auth: "none",
    query: poolPlayersQuerySchema,
    answer: z.array(playerSchema),
  },
  exportPool: {
    method: "GET",
    path: "/api/pools/:pool/export",
    auth: "none",
    query: poolExportQuerySchema,
    answer: "file",
  },
  lobby: { method: "GET", path: "/api/sessions", auth: "none", answer: z.array(lobbyEntrySchema) },
  createSession: {
    method: "POST",
    path: "/api/sessions",
    auth: "admin",
    body: createSessionSchema,
    answer: createdSessionSchema,
  },
  snapshot: { method: "GET", path: "/api/sessions/:id", auth: "none", answer: snapshotSchema },
  players: {
    method: "GET",
    path: "/api/sessions/:id/players",
    auth: "none",
    query: playersQuerySchema,
    answer: z.array(playerSchema),
  },
  events: {
    method: "GET",
    path: "/api/sessions/:id/events",
    auth: "none",
    query: eventsQuerySchema,
    answer: z.array(logItemSchema),
  },
  results: { method: "GET", path: "/api/sessions/:id/results", auth: "none", answer: resultsSchema },
  exportDraft: {
    method: "GET",
    path: "/api/sessions/:id/export",
    auth: "none",
    query: exportQuerySchema,
    answer: "file",
  },
  claimSeat: {
    method: "POST",
    path: "/api/sessions/:id/seats/:team_id/claim",
    auth: "none",
    body: claimSeatSchema,
    answer: tokenSchema,
  },
  seats: {
    method: "GET",
    path: "/api/sessions/:id/seats",
    auth: "admin",
    answer: z.array(seatHolderSchema),
  },
  rotateSeatToken: {
    method: "POST",
    path: "/api/sessions/:id/seats/:team_id/token",
    auth: "admin",
    answer: tokenSchema,
  },
  action: {
    method: "POST",
    path: "/api/sessions/:id/actions",
    auth: "admin",
    body: sessionActionSchema,
    answer: snapshotSchema,
  },
  adminPick: {
    method: "POST",
    path: "/api/sessions/:id/picks",
    auth: "admin",
    body: adminPickSchema,
    answer: z.object({ pick: pickSchema }),
  },
  adminTrade: {
    method: "POST",
    path: "/api/sessions/:id/trades",
    auth: "admin",
    body: adminTradeSchema,
    answer: z.object({ trade: tradeSchema }),
  },
  adminChat: {
    method: "POST",
    path: "/api/sessions/:id/chat",
    auth: "admin",
    body: adminChatSchema,
    answer: z.object({ message: chatMessageSchema }),
  },
  adminMe: { method: "GET", path: "/api/admin/session", auth: "admin", answer: leagueSchema },
  adminSignIn: {
    method: "POST",
    path: "/api/admin/session",
    auth: "none",
    body: adminSignInSchema,
    answer: leagueSchema,
  },
  adminSignOut: { method: "DELETE", path: "/api/admin/session", auth: "none", answer: z.object({}) },
  adminSessions: { method: "GET", path: "/api/admin/sessions", auth: "admin", answer: z.array(lobbyEntrySchema) },
  rotateAdminKey: {
    method: "POST",
    path: "/api/admin/key",
    auth: "admin",
    answer: leagueSchema.extend({ admin_key: z.string() }),
  },
  health: { method: "GET", path: "/healthz", auth: "none", answer: healthSchema },
} as const satisfies Record<string, RouteDef>;

export type RouteName = keyof typeof ROUTES;
export const ROUTE_NAMES = Object.keys(ROUTES) as RouteName[];

type Placeholders<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | Placeholders<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;
/** The values a route's path placeholders take, by name: `{ id }`, `{ id, team_id }`, `{ pool }` or none. */
export type RouteParams<N extends RouteName> = Record<Placeholders<(typeof ROUTES)[N]["path"]>, string>;

/** A route's path with its placeholders filled in (each value percent-encoded), and its query. */
export function routePath<N extends RouteName>(
  name: N,
  params: RouteParams<N>,
  query: Record<string, string> = {},
): string {
  const values = params as Record<string, string>;
  const path = ROUTES[name].path.replace(/:(\w+)/g, (_, key: string) => encodeURIComponent(values[key] ?? ""));
  const search = new URLSearchParams(query).toString();
  return search ? `${path}?${search}` : path;
}

/** What a route answers with when it answers JSON. */
export type RouteAnswerOf<N extends RouteName> = (typeof ROUTES)[N]["answer"] extends z.ZodType
  ? z.output<(typeof ROUTES)[N]["answer"]>
  : never;
