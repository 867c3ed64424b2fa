// The HTTP calls the lobby, the room and the admin console make, each through
// the route table (http-client.ts): paths and answer shapes live there.
import type { z } from "zod";
import type { AdminAction } from "@/lib/protocol/commands";
import type { createSessionSchema } from "@/lib/protocol/http";
import type { PoolKind, PoolSummary } from "@/lib/protocol/pools";
import type { createdSessionSchema, LobbyEntry, leagueSchema } from "@/lib/protocol/routes";
import type { Player } from "@/lib/protocol/shapes";
import { callRoute } from "./http-client";

export type LobbyEntryView = LobbyEntry;
export type PoolSummaryView = PoolSummary;
export type LeagueView = z.infer<typeof leagueSchema>;
export type CreatedSession = z.infer<typeof createdSessionSchema>;
/** The POST /api/sessions body as the form sends it (defaults filled in by the server). */
export type CreateSessionInput = z.input<typeof createSessionSchema>;

const signalOf = (signal?: AbortSignal) => (signal ? { signal } : {});

export const api = {
  listSessions: (signal?: AbortSignal) => callRoute("lobby", signalOf(signal)),
  /** bundled classes, then imported ones: only `kind`, or with a league id only that league's imported ones */
  listPools: (filter: { kind?: PoolKind; leagueId?: string } = {}, signal?: AbortSignal) =>
    callRoute("pools", {
      query: {
        ...(filter.kind ? { kind: filter.kind } : {}),
        ...(filter.leagueId ? { league_id: filter.leagueId } : {}),
      },
      ...signalOf(signal),
    }),
  poolDetail: (poolId: string, signal?: AbortSignal) =>
    callRoute("pool", { params: { pool: poolId }, ...signalOf(signal) }),
  createLeague: (name: string) => callRoute("createLeague", { body: { name } }),
  /** Sets the httpOnly admin cookie; later admin calls from this browser are authorised by it. */
  adminSignIn: (admin_key: string) => callRoute("adminSignIn", { body: { admin_key } }),
  /** Authorised by the admin cookie, or by a solo mock's own league key (never a real league's key in page JS). */
  createSession: (body: CreateSessionInput, adminKey?: string) =>
    callRoute("createSession", { body, ...(adminKey ? { adminKey } : {}) }),
  sessionAction: (sessionId: string, action: AdminAction, adminKey?: string) =>
    callRoute("action", { params: { id: sessionId }, body: { action }, ...(adminKey ? { adminKey } : {}) }),
  claimSeat: (sessionId: string, teamId: string, display_name: string) =>
    callRoute("claimSeat", { params: { id: sessionId, team_id: teamId }, body: { display_name } }),
  availablePlayers: (sessionId: string, signal?: AbortSignal): Promise<Player[]> =>
    callRoute("players", { params: { id: sessionId }, query: { available: "true" }, ...signalOf(signal) }),
};
