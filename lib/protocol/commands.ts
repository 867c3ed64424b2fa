// Client → server payloads (PROTOCOL.md, "Client → server"). Strict objects:
// an unknown key is a malformed message, not something to ignore silently.
import { z } from "zod";

const sessionId = z.uuid();
const teamId = z
  .string()
  .min(2)
  .max(4)
  .regex(/^[A-Z]+$/, "team ids are club abbreviations");
const playerId = z.string().min(1).max(64);
const overall = z.number().int().min(1).max(1000);

export const joinSessionSchema = z.strictObject({
  session_id: sessionId,
  token: z.string().min(1).max(200).optional(),
  last_seq: z.number().int().min(0).max(2_147_483_647).optional(),
});

export const leaveSessionSchema = z.strictObject({ session_id: sessionId });

export const makePickSchema = z.strictObject({
  session_id: sessionId,
  team_id: teamId,
  player_id: playerId,
  expected_overall: overall.optional(),
});

export const QUEUE_LIMIT = 50;
export const setQueueSchema = z.strictObject({
  session_id: sessionId,
  team_id: teamId,
  player_ids: z.array(playerId).max(QUEUE_LIMIT),
});

/**
 * autopick_rest (an addition): every unmade pick is made as the clock would make it, then the draft completes.
 * clear_chat (v2, "Room chat"): deletes the room's chat, in any status; the draft is untouched.
 */
export const ADMIN_ACTIONS = [
  "start",
  "pause",
  "resume",
  "undo_last_pick",
  "force_autopick",
  "complete",
  "autopick_rest",
  "clear_chat",
] as const;
export type AdminAction = (typeof ADMIN_ACTIONS)[number];
export const adminActionSchema = z.strictObject({
  session_id: sessionId,
  action: z.enum(ADMIN_ACTIONS),
});

const pickList = z
  .array(overall)
  .min(1)
  .max(20)
  .refine((picks) => new Set(picks).size === picks.length, "a pick is listed twice");

export const proposeTradeSchema = z.strictObject({
  session_id: sessionId,
  from_team_id: teamId,
  to_team_id: teamId,
  give: pickList,
  receive: pickList,
});

export const respondTradeSchema = z.strictObject({
  session_id: sessionId,
  trade_id: z.uuid(),
  accept: z.boolean(),
});

export const pingSchema = z.strictObject({ client_time: z.number().finite() });

// what each payload is as a type, and what each acknowledgement carries: lib/protocol/events.ts

export { sessionId as sessionIdSchema, teamId as teamIdSchema };
