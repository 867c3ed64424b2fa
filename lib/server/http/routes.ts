// Every HTTP route of the API (defined once in lib/protocol/routes.ts), with
// its handler and body limit, as app/api/**/route.ts and app/healthz expose
// them: the authorisation matrix and the gauntlet enumerate this table, and a
// test checks it against the route files so neither can drift from the other.
import { ROUTE_NAMES, ROUTES, type RouteDef, type RouteName } from "../../protocol/routes";
import { api } from "./api";
import type { ApiHandler } from "./registry";
import { DEFAULT_BODY_LIMIT, IMPORT_BODY_LIMIT, type BodyLimit } from "./respond";

export type Method = RouteDef["method"];
export type { ApiHandler };

export interface ApiRoute {
  method: Method;
  /** with :id, :team_id and :pool placeholders, as the app folders' [id], [team_id] and [pool] */
  path: string;
  name: RouteName;
  /** the largest body the route reads (DEFAULT_BODY_LIMIT when absent); the HTTP guard checks it before the route runs */
  bodyLimit?: BodyLimit;
}

/** Routes that read more than DEFAULT_BODY_LIMIT. */
const BODY_LIMITS: Partial<Record<RouteName, BodyLimit>> = { importPool: IMPORT_BODY_LIMIT };

/** The contract's routes (lib/protocol/routes.ts) with what the server adds: each one's body limit. */
export const API_ROUTES: readonly ApiRoute[] = ROUTE_NAMES.map((name) => {
  const limit = BODY_LIMITS[name];
  return { method: ROUTES[name].method, path: ROUTES[name].path, name, ...(limit ? { bodyLimit: limit } : {}) };
});

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
