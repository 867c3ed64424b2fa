// The admin console's HTTP calls. Sign-in trades the league key for an
// httpOnly cookie; every later call is authorised by that cookie alone.
import { z } from "zod";
import { importedPoolSchema, poolCheckSchema } from "@/lib/protocol/pools";
import { pickSchema, tradeSchema } from "@/lib/protocol/shapes";
import {
  api,
  lobbyEntrySchema,
  leagueSchema,
  type CreatedSession,
  type CreateSessionInput,
  type LeagueView,
  type LobbyEntryView,
} from "../api";
import { fetchJson, HttpError } from "../fetch-json";

export type AdminLeague = LeagueView;
export type AdminSessionEntry = LobbyEntryView;
export type CreatedSeats = CreatedSession;
/** What the create form sends; the server fills in its defaults. */
export type NewSession = CreateSessionInput;

const id = (value: string) => encodeURIComponent(value);

export const adminApi = {
  /** The signed-in league, or null when the cookie is missing or no longer valid. */
  async current(signal?: AbortSignal): Promise<AdminLeague | null> {
    try {
      return await fetchJson(leagueSchema, "/api/admin/session", signal ? { signal } : {});
    } catch (err) {
      if (err instanceof HttpError && (err.status === 401 || err.status === 403)) return null;
      throw err;
    }
  },
  signIn: api.adminSignIn,
  signOut: () => fetchJson(z.unknown(), "/api/admin/session", { method: "DELETE" }),
  /** a new key for the league; the old one stops working, and the cookie is swapped for the new one */
  rotateKey: () => fetchJson(leagueSchema.extend({ admin_key: z.string() }), "/api/admin/key", { body: {} }),
  createLeague: api.createLeague,
  sessions: (signal?: AbortSignal) =>
    fetchJson(z.array(lobbyEntrySchema), "/api/admin/sessions", signal ? { signal } : {}),
  pools: api.listPools,
  /** checks a draft class and says what it would import; saves nothing */
  checkPool: (body: unknown) => fetchJson(poolCheckSchema, "/api/pools?dry_run=true", { body }),
  importPool: (body: unknown) => fetchJson(importedPoolSchema, "/api/pools", { body }),
  deletePool: (poolId: string) => fetchJson(z.unknown(), `/api/pools/${id(poolId)}`, { method: "DELETE" }),
  createSession: api.createSession,
  rotateSeat: (sessionId: string, teamId: string) =>
    fetchJson(z.object({ token: z.string() }), `/api/sessions/${id(sessionId)}/seats/${id(teamId)}/token`, {
      body: {},
    }),
  action: api.sessionAction,
  pick: (sessionId: string, body: { team_id: string; player_id: string; expected_overall?: number }) =>
    fetchJson(z.object({ pick: pickSchema }), `/api/sessions/${id(sessionId)}/picks`, { body }),
  trade: (sessionId: string, body: { from_team_id: string; to_team_id: string; give: number[]; receive: number[] }) =>
    fetchJson(z.object({ trade: tradeSchema }), `/api/sessions/${id(sessionId)}/trades`, { body }),
};

/** A seat's private link, absolute so it can be pasted anywhere. */
export const seatLink = (origin: string, sessionId: string, token: string) =>
  `${origin}/sessions/${id(sessionId)}?token=${id(token)}`;
