// The HTTP routes the lobby and the room call (PROTOCOL.md, "HTTP"), each
// response checked with zod (fetch-json.ts); the admin console adds its own
// routes on top of these (admin/admin-api.ts).
import { z } from "zod";
import type { createSessionSchema } from "@/lib/protocol/http";
import type { AdminAction } from "@/lib/protocol/commands";
import { poolDetailSchema, poolSummarySchema, type PoolKind, type PoolSummary } from "@/lib/protocol/pools";
import { playerSchema, sessionStatusSchema, slotSchema, snapshotSchema, type Player } from "@/lib/protocol/shapes";
import { fetchJson } from "./fetch-json";

export const lobbyEntrySchema = z.object({
  session_id: z.string(),
  name: z.string(),
  status: sessionStatusSchema,
  current_pick: slotSchema.nullable(),
  open_seats: z.array(z.string()),
});
export type LobbyEntryView = z.infer<typeof lobbyEntrySchema>;

export type PoolSummaryView = PoolSummary;

export const leagueSchema = z.object({ league_id: z.string(), name: z.string() });
export type LeagueView = z.infer<typeof leagueSchema>;

const createdLeagueSchema = z.object({ league_id: z.string(), admin_key: z.string() });
const createdSessionSchema = z.object({
  session_id: z.string(),
  seats: z.array(z.object({ team_id: z.string(), token: z.string() })),
});
export type CreatedSession = z.infer<typeof createdSessionSchema>;

/** The POST /api/sessions body as the form sends it (defaults filled in by the server). */
export type CreateSessionInput = z.input<typeof createSessionSchema>;

const id = (value: string) => encodeURIComponent(value);

export const api = {
  listSessions: (signal?: AbortSignal) =>
    fetchJson(z.array(lobbyEntrySchema), "/api/sessions", signal ? { signal } : {}),
  /** bundled classes, then imported ones: only `kind`, or with a league id only that league's imported ones */
  listPools: (filter: { kind?: PoolKind; leagueId?: string } = {}, signal?: AbortSignal) => {
    const query = new URLSearchParams({
      ...(filter.kind ? { kind: filter.kind } : {}),
      ...(filter.leagueId ? { league_id: filter.leagueId } : {}),
    }).toString();
    return fetchJson(z.array(poolSummarySchema), `/api/pools${query ? `?${query}` : ""}`, signal ? { signal } : {});
  },
  poolDetail: (poolId: string, signal?: AbortSignal) =>
    fetchJson(poolDetailSchema, `/api/pools/${id(poolId)}`, signal ? { signal } : {}),
  createLeague: (name: string) => fetchJson(createdLeagueSchema, "/api/leagues", { body: { name } }),
  /** Sets the httpOnly admin cookie; later admin calls from this browser are authorised by it. */
  adminSignIn: (admin_key: string) => fetchJson(leagueSchema, "/api/admin/session", { body: { admin_key } }),
  /** Authorised by the admin cookie, never by a key held in page JS. */
  createSession: (body: CreateSessionInput) => fetchJson(createdSessionSchema, "/api/sessions", { body }),
  sessionAction: (sessionId: string, action: AdminAction) =>
    fetchJson(snapshotSchema, `/api/sessions/${id(sessionId)}/actions`, { body: { action } }),
  claimSeat: (sessionId: string, teamId: string, display_name: string) =>
    fetchJson(z.object({ token: z.string() }), `/api/sessions/${id(sessionId)}/seats/${id(teamId)}/claim`, {
      body: { display_name },
    }),
  availablePlayers: (sessionId: string, signal?: AbortSignal): Promise<Player[]> =>
    fetchJson(z.array(playerSchema), `/api/sessions/${id(sessionId)}/players?available=true`, signal ? { signal } : {}),
};
