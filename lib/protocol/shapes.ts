// The wire shapes (PROTOCOL.md, "Shapes"), as zod schemas so the browser can
// check what it receives with the same definitions the server sends.
import { z } from "zod";

export const SESSION_STATUSES = ["lobby", "running", "paused", "complete"] as const;
export const sessionStatusSchema = z.enum(SESSION_STATUSES);
export type SessionStatus = z.infer<typeof sessionStatusSchema>;

export const slotSchema = z.object({
  overall: z.number().int().min(1),
  round: z.number().int().min(1),
  pick_in_round: z.number().int().min(1),
  team_id: z.string(),
  original_team_id: z.string(),
});
export type Slot = z.infer<typeof slotSchema>;

export const playerSchema = z.object({
  player_id: z.string(),
  name: z.string(),
  position: z.string(),
  college: z.string().optional(),
  rank: z.number().int(),
  /** what an imported board may carry (v2): a grade 0–100, height in inches, weight in pounds, 40-yard time, scouting notes */
  grade: z.number().optional(),
  height_in: z.number().optional(),
  weight_lb: z.number().optional(),
  forty: z.number().optional(),
  notes: z.string().optional(),
});
export type Player = z.infer<typeof playerSchema>;

export const pickSchema = z.object({
  overall: z.number().int().min(1),
  round: z.number().int().min(1),
  pick_in_round: z.number().int().min(1),
  team_id: z.string(),
  player: playerSchema,
  auto: z.boolean(),
  made_at: z.string(),
});
/** A pick made: the wire shape "Pick" (named so it does not shadow TypeScript's Pick<>). */
export type DraftPick = z.infer<typeof pickSchema>;

export const clockSchema = z.object({
  seconds_per_pick: z.number().int().min(0),
  deadline: z.string().nullable(),
  remaining_ms: z.number().int().nullable(),
});
export type Clock = z.infer<typeof clockSchema>;

/**
 * Why a rejected trade closed (an addition): the other seat said no, the proposer withdrew it, a CPU GM found
 * it below its chart value, or it expired because a pick in it was used or moved first.
 */
export const TRADE_CLOSE_REASONS = ["declined", "withdrawn", "below_value", "expired"] as const;
export type TradeCloseReason = (typeof TRADE_CLOSE_REASONS)[number];

/** How many future drafts a session's teams own picks of (v2): next year's (season_offset 1) and the one after. */
export const FUTURE_SEASONS = [1, 2] as const;
/** Rounds of a future draft a team owns. */
export const FUTURE_ROUNDS = 7;

/** A pick in a future draft (v2), named by whose it was to begin with: `original_team_id`'s round-`round` pick. */
export const futurePickSchema = z.object({
  season_offset: z.union([z.literal(1), z.literal(2)]),
  round: z.number().int().min(1).max(FUTURE_ROUNDS),
  original_team_id: z.string(),
});
export type FuturePick = z.infer<typeof futurePickSchema>;

/** Who owns a future pick now (the snapshot's future_picks, v2). */
export const futurePickOwnerSchema = futurePickSchema.extend({ owner_team_id: z.string() });
export type FuturePickOwner = z.infer<typeof futurePickOwnerSchema>;

/** A trade's terms seen from its proposer (v2): a rejected trade's `counter`; all four lists present. */
export const tradeTermsSchema = z.object({
  give: z.array(z.number().int()),
  receive: z.array(z.number().int()),
  give_future: z.array(futurePickSchema),
  receive_future: z.array(futurePickSchema),
});
export type TradeTerms = z.infer<typeof tradeTermsSchema>;

export const tradeSchema = z.object({
  trade_id: z.string(),
  from_team_id: z.string(),
  to_team_id: z.string(),
  give: z.array(z.number().int()),
  receive: z.array(z.number().int()),
  /** future picks the proposer gives / receives (v2); absent = none */
  give_future: z.array(futurePickSchema).optional(),
  receive_future: z.array(futurePickSchema).optional(),
  status: z.enum(["pending", "executed", "rejected"]),
  value: z.object({ chart: z.string(), give: z.number(), receive: z.number() }).optional(),
  /** on a rejected trade: why (absent on trades rejected before this was recorded) */
  reason: z.enum(TRADE_CLOSE_REASONS).optional(),
  /** on a trade a CPU GM rejected: terms it would accept, seen from the proposer (v2) */
  counter: tradeTermsSchema.optional(),
});
export type Trade = z.infer<typeof tradeSchema>;

export const CONTROLLERS = ["human", "cpu"] as const;
export type Controller = (typeof CONTROLLERS)[number];

export const snapshotTeamSchema = z.object({
  team_id: z.string(),
  name: z.string(),
  controller: z.enum(CONTROLLERS),
});
export type SnapshotTeam = z.infer<typeof snapshotTeamSchema>;

export const snapshotSchema = z.object({
  session_id: z.string(),
  name: z.string(),
  /** the bundled draft class this session drafts (an addition to v1) */
  pool: z.string().optional(),
  /** the trade value chart this session values trades with (an addition to v1) */
  trade_chart: z.string().optional(),
  status: sessionStatusSchema,
  seq: z.number().int().min(0),
  rounds: z.number().int(),
  current_pick: slotSchema.nullable(),
  clock: clockSchema,
  teams: z.array(snapshotTeamSchema),
  order: z.array(slotSchema),
  picks: z.array(pickSchema),
  trades: z.array(tradeSchema),
  /** who owns each team's picks of the next two drafts (v2); optional only so an older server's snapshot still reads */
  future_picks: z.array(futurePickOwnerSchema).optional(),
});
export type Snapshot = z.infer<typeof snapshotSchema>;

export const UPDATE_REASONS = ["started", "paused", "resumed", "pick_undone", "completed", "settings_changed"] as const;
export type UpdateReason = (typeof UPDATE_REASONS)[number];

// Server → client events. Every one carries session_id and seq and is persisted first.
export const draftPickEventSchema = z.object({
  session_id: z.string(),
  seq: z.number().int().min(1),
  pick: pickSchema,
  next_pick: slotSchema.nullable(),
  clock: clockSchema,
});
export type DraftPickEvent = z.infer<typeof draftPickEventSchema>;

export const sessionUpdateEventSchema = z.object({
  session_id: z.string(),
  seq: z.number().int().min(1),
  status: sessionStatusSchema,
  reason: z.enum(UPDATE_REASONS),
  current_pick: slotSchema.nullable(),
  clock: clockSchema,
  /** with reason pick_undone: the overall pick that was taken back (an addition to v1) */
  undone_overall: z.number().int().optional(),
});
export type SessionUpdateEvent = z.infer<typeof sessionUpdateEventSchema>;

export const presenceEventSchema = z.object({
  session_id: z.string(),
  teams: z.array(z.object({ team_id: z.string(), connected: z.boolean() })),
  spectators: z.number().int().min(0),
});
export type PresenceEvent = z.infer<typeof presenceEventSchema>;

export const tradeProposedEventSchema = z.object({
  session_id: z.string(),
  seq: z.number().int().min(1),
  trade: tradeSchema,
});
export type TradeProposedEvent = z.infer<typeof tradeProposedEventSchema>;

export const tradeExecutedEventSchema = z.object({
  session_id: z.string(),
  seq: z.number().int().min(1),
  trade: tradeSchema,
  order: z.array(slotSchema),
});
export type TradeExecutedEvent = z.infer<typeof tradeExecutedEventSchema>;

export const tradeRejectedEventSchema = z.object({
  session_id: z.string(),
  seq: z.number().int().min(1),
  trade: tradeSchema,
});
export type TradeRejectedEvent = z.infer<typeof tradeRejectedEventSchema>;

/** The persisted, sequenced events; `type` is the event name the room received. */
export type SessionEvent =
  | { seq: number; type: "draft_pick"; payload: DraftPickEvent; at: string }
  | { seq: number; type: "session_update"; payload: SessionUpdateEvent; at: string }
  | { seq: number; type: "trade_proposed"; payload: TradeProposedEvent; at: string }
  | { seq: number; type: "trade_executed"; payload: TradeExecutedEvent; at: string }
  | { seq: number; type: "trade_rejected"; payload: TradeRejectedEvent; at: string };
export type SessionEventType = SessionEvent["type"];

export const logItemSchema = z.object({
  seq: z.number().int().min(1),
  type: z.string(),
  payload: z.record(z.string(), z.unknown()),
  at: z.string(),
});
