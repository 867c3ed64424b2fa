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
  .max(20)
  .refine((picks) => new Set(picks).size === picks.length, "a pick is listed twice");

/** Future picks on one side of a trade (v2): at most 7, none twice. */
export const FUTURE_PICKS_PER_SIDE = 7;
const futurePick = z.strictObject({
  season_offset: z.union([z.literal(1), z.literal(2)]),
  round: z.number().int().min(1).max(7),
  original_team_id: teamId,
});
const futureList = z
  .array(futurePick)
  .max(FUTURE_PICKS_PER_SIDE)
  .refine(
    (picks) => new Set(picks.map((p) => `${p.season_offset}:${p.round}:${p.original_team_id}`)).size === picks.length,
    "a future pick is listed twice",
  );

/** A trade's fields before the rule that it moves something (so a route may omit session_id from them). */
export const proposeTradeFields = z.strictObject({
  session_id: sessionId,
  from_team_id: teamId,
  to_team_id: teamId,
  give: pickList,
  receive: pickList,
  give_future: futureList.optional(),
  receive_future: futureList.optional(),
});

/** At least one side of a trade gives something (v2: either list of picks may be empty, not all four). */
export const movesSomething = (trade: {
  give: readonly unknown[];
  receive: readonly unknown[];
  give_future?: readonly unknown[];
  receive_future?: readonly unknown[];
}) =>
  trade.give.length + trade.receive.length + (trade.give_future?.length ?? 0) + (trade.receive_future?.length ?? 0) > 0;
export const NOTHING_TRADED = { message: "at least one side of a trade must give something", path: ["give"] };

export const proposeTradeSchema = proposeTradeFields.refine(movesSomething, NOTHING_TRADED);

/** Shop the pick (an addition, v2): the team on the clock asks CPU GMs for offers for its pick. */
export const shopPickSchema = z.strictObject({
  session_id: sessionId,
  team_id: teamId,
});

export const respondTradeSchema = z.strictObject({
  session_id: sessionId,
  trade_id: z.uuid(),
  accept: z.boolean(),
});

export const pingSchema = z.strictObject({ client_time: z.number().finite() });

// what each payload is as a type, and what each acknowledgement carries: lib/protocol/events.ts

export { sessionId as sessionIdSchema, teamId as teamIdSchema };
