// Every HTTP route of the API, as app/api/**/route.ts and app/healthz expose
// them: the authorisation matrix and the gauntlet enumerate this table, and a
// test checks it against the route files so neither can drift from the other.
import { api } from "./api";
import type { HttpServices } from "./registry";

export type Method = "GET" | "POST" | "DELETE";
export type ApiHandler = (services: HttpServices, request: Request, params: Record<string, string>) => Promise<Response>;

export interface ApiRoute {
  method: Method;
  /** with :id and :team_id placeholders, as the app folders' [id] and [team_id] */
  path: string;
  name: keyof typeof api;
}

export const API_ROUTES: readonly ApiRoute[] = [
  { method: "POST", path: "/api/leagues", name: "createLeague" },
  { method: "GET", path: "/api/pools", name: "pools" },
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
export function matchRoute(method: string, pathname: string): { route: ApiRoute; handler: ApiHandler; params: Record<string, string> } | null {
  const parts = pathname.split("/");
  for (const route of API_ROUTES) {
    if (route.method !== method) continue;
    const pattern = route.path.split("/");
    if (pattern.length !== parts.length) continue;
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
    if (matches) return { route, handler: api[route.name] as ApiHandler, params };
  }
  return null;
}
