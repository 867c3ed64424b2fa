// The admin console's HTTP calls. Sign-in trades the league key for an
// httpOnly cookie; every later call is authorised by that cookie alone.
import { z } from "zod";
import { api, type CreatedSession, type CreateSessionInput, type LeagueView, type LobbyEntryView } from "../api";
import { HttpError } from "../fetch-json";
import { callRoute } from "../http-client";

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
      return await callRoute("adminMe", signal ? { signal } : {});
    } catch (err) {
      if (err instanceof HttpError && (err.status === 401 || err.status === 403)) return null;
      throw err;
    }
  },
  signIn: api.adminSignIn,
  signOut: () => callRoute("adminSignOut"),
  /** a new key for the league; the old one stops working, and the cookie is swapped for the new one */
  rotateKey: () => callRoute("rotateAdminKey"),
  createLeague: api.createLeague,
  sessions: (signal?: AbortSignal) => callRoute("adminSessions", signal ? { signal } : {}),
  pools: api.listPools,
  /** checks a draft class and says what it would import; saves nothing */
  checkPool: (body: unknown) =>
    callRoute("importPool", { query: { dry_run: "true" }, body }).then((answer) => {
      if (!("dry_run" in answer)) throw new HttpError(200, "bad_response", "The server imported instead of checking.");
      return answer;
    }),
  importPool: (body: unknown) =>
    callRoute("importPool", { body }).then((answer) => {
      if ("dry_run" in answer) throw new HttpError(200, "bad_response", "The server only checked the class.");
      return answer;
    }),
  deletePool: (poolId: string) => callRoute("deletePool", { params: { pool: poolId } }, z.unknown()),
  createSession: api.createSession,
  /** every seat and who holds it */
  seats: (sessionId: string, signal?: AbortSignal) =>
    callRoute("seats", { params: { id: sessionId }, ...(signal ? { signal } : {}) }),
  rotateSeat: (sessionId: string, teamId: string) =>
    callRoute("rotateSeatToken", { params: { id: sessionId, team_id: teamId } }),
  action: api.sessionAction,
  /** posts to the room's chat as the commissioner */
  chat: (sessionId: string, text: string) => callRoute("adminChat", { params: { id: sessionId }, body: { text } }),
  pick: (sessionId: string, body: { team_id: string; player_id: string; expected_overall?: number }) =>
    callRoute("adminPick", { params: { id: sessionId }, body }),
  trade: (sessionId: string, body: { from_team_id: string; to_team_id: string; give: number[]; receive: number[] }) =>
    callRoute("adminTrade", { params: { id: sessionId }, body }),
};

/** A seat's private link, absolute so it can be pasted anywhere. */
export const seatLink = (origin: string, sessionId: string, token: string) =>
  `${origin}/sessions/${id(sessionId)}?token=${id(token)}`;
