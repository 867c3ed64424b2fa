// The admin console's HTTP calls. Sign-in trades the league key for an
// httpOnly cookie; every later call is authorised by that cookie alone.
import { z } from "zod";
import type { AdminAction } from "@/lib/protocol/commands";
import type { createSessionSchema } from "@/lib/protocol/http";
import { pickSchema, playerSchema, sessionStatusSchema, slotSchema, snapshotSchema, tradeSchema } from "@/lib/protocol/shapes";
import { fetchJson, HttpError } from "./fetch-json";

const leagueSchema = z.object({ league_id: z.string(), name: z.string() });
export type AdminLeague = z.infer<typeof leagueSchema>;

const lobbyEntrySchema = z.object({
  session_id: z.string(),
  name: z.string(),
  status: sessionStatusSchema,
  current_pick: slotSchema.nullable(),
  open_seats: z.array(z.string()),
});
export type AdminSessionEntry = z.infer<typeof lobbyEntrySchema>;

export const poolInfoSchema = z.object({
  pool: z.string(),
  history_session_id: z.string().optional(),
  rounds: z.number().int(),
  teams: z.array(z.object({ team_id: z.string(), name: z.string() })),
  order: z.array(slotSchema),
});
export type PoolInfo = z.infer<typeof poolInfoSchema>;

const seatsSchema = z.object({ session_id: z.string(), seats: z.array(z.object({ team_id: z.string(), token: z.string() })) });
export type CreatedSeats = z.infer<typeof seatsSchema>;

/** What the create form sends; the server fills in its defaults. */
export type NewSession = z.input<typeof createSessionSchema>;

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
  signIn: (admin_key: string) => fetchJson(leagueSchema, "/api/admin/session", { method: "POST", body: { admin_key } }),
  signOut: () => fetchJson(z.unknown(), "/api/admin/session", { method: "DELETE" }),
  /** a new key for the league; the old one stops working, and the cookie is swapped for the new one */
  rotateKey: () => fetchJson(leagueSchema.extend({ admin_key: z.string() }), "/api/admin/key", { body: {} }),
  createLeague: (name: string) => fetchJson(z.object({ league_id: z.string(), admin_key: z.string() }), "/api/leagues", { body: { name } }),
  sessions: (signal?: AbortSignal) => fetchJson(z.array(lobbyEntrySchema), "/api/admin/sessions", signal ? { signal } : {}),
  pools: (signal?: AbortSignal) => fetchJson(z.array(poolInfoSchema), "/api/pools", signal ? { signal } : {}),
  createSession: (body: NewSession) => fetchJson(seatsSchema, "/api/sessions", { body }),
  rotateSeat: (sessionId: string, teamId: string) =>
    fetchJson(z.object({ token: z.string() }), `/api/sessions/${id(sessionId)}/seats/${id(teamId)}/token`, { body: {} }),
  action: (sessionId: string, action: AdminAction) => fetchJson(snapshotSchema, `/api/sessions/${id(sessionId)}/actions`, { body: { action } }),
  pick: (sessionId: string, body: { team_id: string; player_id: string; expected_overall?: number }) =>
    fetchJson(z.object({ pick: pickSchema }), `/api/sessions/${id(sessionId)}/picks`, { body }),
  trade: (sessionId: string, body: { from_team_id: string; to_team_id: string; give: number[]; receive: number[] }) =>
    fetchJson(z.object({ trade: tradeSchema }), `/api/sessions/${id(sessionId)}/trades`, { body }),
  snapshot: (sessionId: string, signal?: AbortSignal) => fetchJson(snapshotSchema, `/api/sessions/${id(sessionId)}`, signal ? { signal } : {}),
  availablePlayers: (sessionId: string, signal?: AbortSignal) =>
    fetchJson(z.array(playerSchema), `/api/sessions/${id(sessionId)}/players?available=true`, signal ? { signal } : {}),
};

/** A seat's private link, absolute so it can be pasted anywhere. */
export const seatLink = (origin: string, sessionId: string, token: string) => `${origin}/sessions/${id(sessionId)}?token=${id(token)}`;
