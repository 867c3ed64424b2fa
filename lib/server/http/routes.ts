// Every HTTP route of the API, as app/api/**/route.ts and app/healthz expose
// them: the authorisation matrix and the gauntlet enumerate this table, and a
// test checks it against the route files so neither can drift from the other.
import { api } from "./api";
import type { HttpServices } from "./registry";
import { DEFAULT_BODY_LIMIT, IMPORT_BODY_LIMIT, type BodyLimit } from "./respond";

export type Method = "GET" | "POST" | "DELETE";
export type ApiHandler = (
  services: HttpServices,
  request: Request,
  params: Record<string, string>,
) => Promise<Response>;

export interface ApiRoute {
  method: Method;
  /** with :id, :team_id and :pool placeholders, as the app folders' [id], [team_id] and [pool] */
  path: string;
  name: keyof typeof api;
  /** the largest body the route reads (DEFAULT_BODY_LIMIT when absent); the HTTP guard checks it before the route runs */
  bodyLimit?: BodyLimit;
}

export const API_ROUTES: readonly ApiRoute[] = [
  { method: "POST", path: "/api/leagues", name: "createLeague" },
  { method: "GET", path: "/api/pools", name: "pools" },
  { method: "POST", path: "/api/pools", name: "importPool", bodyLimit: IMPORT_BODY_LIMIT },
  { method: "GET", path: "/api/pools/:pool", name: "pool" },
  { method: "DELETE", path: "/api/pools/:pool", name: "deletePool" },
  { method: "GET", path: "/api/pools/:pool/players", name: "poolPlayers" },
  { method: "GET", path: "/api/pools/:pool/export", name: "exportPool" },
  { method: "GET", path: "/api/sessions", name: "lobby" },
  { method: "POST", path: "/api/sessions", name: "createSession" },
  { method: "GET", path: "/api/sessions/:id", name: "snapshot" },
  { method: "GET", path: "/api/sessions/:id/players", name: "players" },
  { method: "GET", path: "/api/sessions/:id/events", name: "events" },
  { method: "GET", path: "/api/sessions/:id/results", name: "results" },
  { method: "GET", path: "/api/sessions/:id/export", name: "exportDraft" },
  { method: "POST", path: "/api/sessions/:id/seats/:team_id/claim", name: "claimSeat" },
  { method: "POST", path: "/api/sessions/:id/seats/:team_id/token", name: "rotateSeatToken" },
  { method: "POST", path: "/api/sessions/:id/actions", name: "action" },
  { method: "POST", path: "/api/sessions/:id/picks", name: "adminPick" },
  { method: "POST", path: "/api/sessions/:id/trades", name: "adminTrade" },
  { method: "GET", path: "/api/admin/session", name: "adminMe" },
  { method: "POST", path: "/api/admin/session", name: "adminSignIn" },
  { method: "DELETE", path: "/api/admin/session", name: "adminSignOut" },
  { method: "GET", path: "/api/admin/sessions", name: "adminSessions" },
  { method: "POST", path: "/api/admin/key", name: "rotateAdminKey" },
  { method: "GET", path: "/healthz", name: "health" },
];

/** The route and its path parameters for a method and path, or null (Next.js would answer 404). */
export function matchRoute(
  method: string,
  pathname: string,
): { route: ApiRoute; handler: ApiHandler; params: Record<string, string> } | null {
  const parts = pathname.split("/");
  for (const route of API_ROUTES) {
    if (route.method !== method) continue;
    const params = matchPath(route, parts);
    if (params) return { route, handler: api[route.name] as ApiHandler, params };
  }
  return null;
}

/** The methods the API serves at a path (none when it is not an API path). */
export function methodsAt(pathname: string): Method[] {
  const parts = pathname.split("/");
  return API_ROUTES.filter((route) => matchPath(route, parts) !== null).map((route) => route.method);
}

/** The path parameters when `parts` (a path split on "/") fits the route's path, else null. */
function matchPath(route: ApiRoute, parts: string[]): Record<string, string> | null {
  const pattern = route.path.split("/");
  if (pattern.length !== parts.length) return null;
  const params: Record<string, string> = {};
  const matches = pattern.every((segment, i) => {
    const part = parts[i]!;
    if (!segment.startsWith(":")) return segment === part;
    if (part === "") return false;
    try {
      params[segment.slice(1)] = decodeURIComponent(part);
    } catch {
      params[segment.slice(1)] = part;
    }
    return true;
  });
  return matches ? params : null;
}

/** How large a body a request's route reads: what the HTTP guard holds a declared Content-Length to. */
export function bodyLimitOf(method: string, url: string): BodyLimit {
  const pathname = url.split("?")[0] ?? "/";
  return matchRoute(method, pathname)?.route.bodyLimit ?? DEFAULT_BODY_LIMIT;
}
