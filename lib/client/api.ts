// The HTTP routes the browser calls (PROTOCOL.md, "HTTP"), each response
// checked with zod so a contract drift shows up as a clear error, not a blank page.
import { z } from "zod";
import type { createSessionSchema } from "@/lib/protocol/http";
import type { AdminAction } from "@/lib/protocol/commands";
import { playerSchema, sessionStatusSchema, slotSchema, snapshotSchema, type Player } from "@/lib/protocol/shapes";
import type { ClientError } from "./emit-ack";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ClientError,
  ) {
    super(body.message);
    this.name = "ApiError";
  }
}

const errorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), issues: z.array(z.object({ path: z.string(), message: z.string() })).optional() }),
});

async function request<S extends z.ZodType>(schema: S, path: string, init: RequestInit = {}): Promise<z.infer<S>> {
  const headers = new Headers(init.headers);
  if (init.body !== undefined) headers.set("Content-Type", "application/json");
  let response: Response;
  try {
    // same-origin credentials: the admin's httpOnly cookie rides along, page JS never sees it
    response = await fetch(path, { ...init, headers, cache: "no-store", credentials: "same-origin" });
  } catch (err) {
    if (err instanceof DOMException && err.name === "AbortError") throw err;
    throw new ApiError(0, { code: "disconnected", message: "Could not reach the server." });
  }
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const parsed = errorBodySchema.safeParse(json);
    const body = parsed.success ? (parsed.data.error as ClientError) : { code: "internal" as const, message: `Request failed (HTTP ${response.status}).` };
    throw new ApiError(response.status, body);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new ApiError(response.status, { code: "bad_response", message: "The server's answer did not match the contract." });
  return parsed.data;
}

export const lobbyEntrySchema = z.object({
  session_id: z.string(),
  name: z.string(),
  status: sessionStatusSchema,
  current_pick: slotSchema.nullable(),
  open_seats: z.array(z.string()),
});
export type LobbyEntryView = z.infer<typeof lobbyEntrySchema>;

export const poolSummarySchema = z.object({
  pool: z.string(),
  /** the completed session of the real draft of this class */
  history_session_id: z.string().optional(),
  rounds: z.number().int(),
  teams: z.array(z.object({ team_id: z.string(), name: z.string() })),
  order: z.array(slotSchema),
});
export type PoolSummaryView = z.infer<typeof poolSummarySchema>;

const createdLeagueSchema = z.object({ league_id: z.string(), admin_key: z.string() });
const createdSessionSchema = z.object({ session_id: z.string(), seats: z.array(z.object({ team_id: z.string(), token: z.string() })) });
export type CreatedSession = z.infer<typeof createdSessionSchema>;

/** The POST /api/sessions body as the form sends it (defaults filled in by the server). */
export type CreateSessionInput = z.input<typeof createSessionSchema>;

const json = (body: unknown) => JSON.stringify(body);

export const api = {
  listSessions: (signal?: AbortSignal) => request(z.array(lobbyEntrySchema), "/api/sessions", signal ? { signal } : {}),
  listPools: (signal?: AbortSignal) => request(z.array(poolSummarySchema), "/api/pools", signal ? { signal } : {}),
  createLeague: (name: string) => request(createdLeagueSchema, "/api/leagues", { method: "POST", body: json({ name }) }),
  /** Sets the httpOnly admin cookie; later admin calls from this browser are authorised by it. */
  adminSignIn: (admin_key: string) => request(z.object({ league_id: z.string() }).loose(), "/api/admin/session", { method: "POST", body: json({ admin_key }) }),
  /** Is this browser signed in as a league admin? (401 when not) */
  adminMe: (signal?: AbortSignal) => request(z.object({ league_id: z.string() }).loose(), "/api/admin/session", signal ? { signal } : {}),
  /** Authorised by the admin cookie, never by a key held in page JS. */
  createSession: (body: CreateSessionInput) => request(createdSessionSchema, "/api/sessions", { method: "POST", body: json(body) }),
  sessionAction: (sessionId: string, action: AdminAction) =>
    request(snapshotSchema, `/api/sessions/${encodeURIComponent(sessionId)}/actions`, { method: "POST", body: json({ action }) }),
  claimSeat: (sessionId: string, teamId: string, display_name: string) =>
    request(z.object({ token: z.string() }), `/api/sessions/${encodeURIComponent(sessionId)}/seats/${encodeURIComponent(teamId)}/claim`, {
      method: "POST",
      body: json({ display_name }),
    }),
  availablePlayers: (sessionId: string, signal?: AbortSignal): Promise<Player[]> =>
    request(z.array(playerSchema), `/api/sessions/${encodeURIComponent(sessionId)}/players?available=true`, signal ? { signal } : {}),
};

/** A message for any error thrown by `api`. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.body.message;
  if (err instanceof Error) return err.message;
  return "Something went wrong.";
}
