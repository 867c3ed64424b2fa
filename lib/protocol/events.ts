// The contract's socket events, defined once (PROTOCOL.md "Client → server",
// "Server → client" and the additions the README lists): every client event
// with its payload schema and what its acknowledgement carries on success,
// every server event with its payload schema. The server registers its
// handlers from this map, Socket.IO's typed events are derived from it, and
// the browser and the tests parse what arrives with the same schemas.
import { z } from "zod";
import {
  adminActionSchema,
  joinSessionSchema,
  leaveSessionSchema,
  makePickSchema,
  pingSchema,
  proposeTradeSchema,
  shopPickSchema,
  respondTradeSchema,
  setQueueSchema,
} from "./commands";
import { chatClearedEventSchema, chatMessageEventSchema, chatMessageSchema, sendChatSchema } from "./chat";
import type { Ack } from "./errors";
import {
  draftPickEventSchema,
  logItemSchema,
  pickSchema,
  presenceEventSchema,
  sessionUpdateEventSchema,
  snapshotSchema,
  tradeExecutedEventSchema,
  tradeProposedEventSchema,
  tradeRejectedEventSchema,
  tradeSchema,
} from "./shapes";

export const ROLES = ["team", "admin", "spectator"] as const;
export type Role = (typeof ROLES)[number];

/** What joining answers: the role the token gives, the snapshot, what was missed since last_seq, a seat's queue. */
export const joinResultSchema = z.object({
  role: z.enum(ROLES),
  team_id: z.string().optional(),
  snapshot: snapshotSchema,
  /** with last_seq: every event after it, as GET /api/sessions/:id/events lists them */
  missed: z.array(logItemSchema).optional(),
  /** a seat's saved queue of player ids (an addition to v1) */
  queue: z.array(z.string()).optional(),
  /** the room's chat: its latest messages (at most 100), oldest first (v2) */
  chat: z.array(chatMessageSchema),
});

/** Client → server: each event's payload, and what its acknowledgement carries besides `ok: true`. */
export const CLIENT_EVENTS = {
  join_session: { payload: joinSessionSchema, result: joinResultSchema },
  leave_session: { payload: leaveSessionSchema, result: z.object({}) },
  make_pick: { payload: makePickSchema, result: z.object({ pick: pickSchema }) },
  set_queue: { payload: setQueueSchema, result: z.object({ queue: z.array(z.string()) }) },
  propose_trade: { payload: proposeTradeSchema, result: z.object({ trade: tradeSchema }) },
  respond_trade: { payload: respondTradeSchema, result: z.object({ trade: tradeSchema }) },
  /** an addition (v2 "shop the pick"): up to three CPU offers for the pick on the clock, each pending to accept */
  shop_pick: { payload: shopPickSchema, result: z.object({ trades: z.array(tradeSchema) }) },
  admin_action: { payload: adminActionSchema, result: z.object({ snapshot: snapshotSchema }) },
  ping: { payload: pingSchema, result: z.object({ server_time: z.number() }) },
  send_chat: { payload: sendChatSchema, result: z.object({ message: chatMessageSchema }) },
} as const;

export type ClientEventName = keyof typeof CLIENT_EVENTS;
export const CLIENT_EVENT_NAMES = Object.keys(CLIENT_EVENTS) as ClientEventName[];
/** A client event's payload as a client writes it (defaults not yet filled in). */
export type ClientPayload<E extends ClientEventName> = z.input<(typeof CLIENT_EVENTS)[E]["payload"]>;
/** A client event's payload as the server reads it. */
export type ParsedPayload<E extends ClientEventName> = z.output<(typeof CLIENT_EVENTS)[E]["payload"]>;
export type ClientResult<E extends ClientEventName> = z.output<(typeof CLIENT_EVENTS)[E]["result"]>;
export type ClientAck<E extends ClientEventName> = Ack<ClientResult<E>>;

/** Server → client, persisted first and numbered: a client that missed one gets it from join_session's `missed`. */
export const SEQUENCED_EVENTS = {
  draft_pick: draftPickEventSchema,
  session_update: sessionUpdateEventSchema,
  trade_proposed: tradeProposedEventSchema,
  trade_executed: tradeExecutedEventSchema,
  trade_rejected: tradeRejectedEventSchema,
} as const;
export type SequencedEventName = keyof typeof SEQUENCED_EVENTS;
export const SEQUENCED_EVENT_NAMES = Object.keys(SEQUENCED_EVENTS) as SequencedEventName[];

/** Server → client, not persisted and without a seq. */
export const UNSEQUENCED_EVENTS = {
  /** who is connected; coalesced to at most one a second per session */
  presence: presenceEventSchema,
  /** after Redis comes back, on every node: a client behind this seq re-joins with last_seq */
  session_seq: z.object({ session_id: z.string(), seq: z.number().int().min(0) }),
  /** the admin rotated this seat's token: the socket watches from now on */
  seat_revoked: z.object({ session_id: z.string(), team_id: z.string() }),
  /** the league's admin key was replaced: the socket that joined with it watches from now on */
  admin_revoked: z.object({ session_id: z.string() }),
  /** a room chat message (v2); not in the seq log */
  chat_message: chatMessageEventSchema,
  /** the commissioner cleared the room's chat (an addition): every client empties its list */
  chat_cleared: chatClearedEventSchema,
  /** the node is stopping (SIGTERM): reconnect, to another node behind a balancer */
  server_shutdown: z.object({ reconnect: z.literal(true) }),
} as const;

export const SERVER_EVENTS = { ...SEQUENCED_EVENTS, ...UNSEQUENCED_EVENTS } as const;
export type ServerEventName = keyof typeof SERVER_EVENTS;
export type ServerPayload<E extends ServerEventName> = z.output<(typeof SERVER_EVENTS)[E]>;

/** Socket.IO's typed events, what the server listens to (the first generic of `Server`, the second of the client's `Socket`). */
export type ClientToServerEvents = {
  [E in ClientEventName]: (payload: ClientPayload<E>, ack: (answer: ClientAck<E>) => void) => void;
};

/** Socket.IO's typed events, what the server sends (the second generic of `Server`, the first of the client's `Socket`). */
export type ServerToClientEvents = {
  [E in ServerEventName]: (payload: ServerPayload<E>) => void;
};
