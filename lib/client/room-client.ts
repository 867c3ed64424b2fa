// The draft room's state store, outside React so it can be tested with a fake
// socket: joins on every (re)connect with last_seq, applies the ack's missed
// events, buffers live events while a join is in flight, re-joins on a seq gap
// and when the server says (session_seq) that the session is further along.
import type { AdminAction } from "@/lib/protocol/commands";
import { CLIENT_EVENTS, UNSEQUENCED_EVENTS, type ClientPayload } from "@/lib/protocol/events";
import type { FuturePick, PresenceEvent, Snapshot } from "@/lib/protocol/shapes";
import { chatMessageSchema, type ChatMessage } from "@/lib/protocol/chat";
import { addMessages } from "./chat-log";
import { bestOffset, CLOCK_SAMPLES, type ClockSample } from "./clock-sync";
import { applyEvent, applyMissed } from "./draft-state";
import { emitWithAck, type AckEmitter, type AckOutcome, type ClientError } from "./emit-ack";
import {
  parseJoinAck,
  parsePresence,
  parseRoomEvent,
  SEQUENCED_EVENT_NAMES,
  type Role,
  type RoomEvent,
} from "./room-events";

/** A trade as a seat builds it: current picks by overall number, future picks optional. */
export interface TradeOffer {
  give: number[];
  receive: number[];
  give_future?: FuturePick[];
  receive_future?: FuturePick[];
}

export interface RoomState {
  snapshot: Snapshot | null;
  role: Role | null;
  team_id: string | null;
  joining: boolean;
  join_error: ClientError | null;
  presence: PresenceEvent | null;
  /** server clock minus local clock, from `ping`; makes the countdown immune to a wrong local clock */
  server_offset_ms: number;
  /** true once at least one ping answered, so the offset means something */
  clock_synced: boolean;
  /** the seat's queue of player ids (null for spectators and admins) */
  queue: string[] | null;
  /** the role this tab lost while holding it: its seat (handed to someone else) or admin (the league's key was replaced) */
  revoked: { role: "team"; team_id: string } | { role: "admin" } | null;
  /** the room's chat, oldest first: the join's history, then what arrived since */
  chat: ChatMessage[];
}

// `any[]` because socket.io-client types listeners that way; payloads are parsed with zod before use
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Listener = (...args: any[]) => void;

export interface RoomSocket extends AckEmitter {
  on(event: string, listener: Listener): unknown;
  off(event: string, listener: Listener): unknown;
}

export interface RoomConnection<S extends RoomSocket> {
  readonly socket: S;
  onConnect(listener: () => void): () => void;
}

export interface RoomClientOptions<S extends RoomSocket> {
  connection: RoomConnection<S>;
  session_id: string;
  token?: string;
  now?: () => number;
  ackTimeoutMs?: number;
}

/** Consecutive seq gaps right after a fresh join mean something is badly off; stop and show it. */
const MAX_RESYNCS = 3;

/** A room before its first join answers. */
export const INITIAL_ROOM_STATE: RoomState = {
  snapshot: null,
  role: null,
  team_id: null,
  joining: false,
  join_error: null,
  presence: null,
  server_offset_ms: 0,
  clock_synced: false,
  queue: null,
  revoked: null,
  chat: [],
};

export function createRoomClient<S extends RoomSocket>(options: RoomClientOptions<S>) {
  const { connection, session_id } = options;
  // dropped when the seat is revoked: a re-join with it would only be refused
  let token = options.token;
  const socket = connection.socket;
  const now = options.now ?? Date.now;
  const listeners = new Set<(state: RoomState) => void>();
  let state: RoomState = INITIAL_ROOM_STATE;
  let buffered: RoomEvent[] = [];
  /** chat that arrived while a join was in flight: the ack's history may be older than it */
  let chatSinceJoin: ChatMessage[] = [];
  let generation = 0; // an ack from an older join attempt is stale and ignored
  let resyncs = 0;
  let disposed = false;

  const set = (patch: Partial<RoomState>) => {
    state = { ...state, ...patch };
    for (const listener of [...listeners]) listener(state);
  };

  async function join() {
    if (disposed) return;
    const mine = ++generation;
    buffered = [];
    chatSinceJoin = [];
    set({ joining: true });
    const payload: ClientPayload<"join_session"> = {
      session_id,
      ...(token ? { token } : {}),
      ...(state.snapshot ? { last_seq: state.snapshot.seq } : {}),
    };
    const outcome = await emitWithAck(socket, "join_session", payload, options.ackTimeoutMs);
    if (disposed || mine !== generation) return;
    if (!outcome.ok) {
      // a dropped connection is the connection banner's business; the next connect re-joins
      set({ joining: false, join_error: socket.connected ? outcome.error : null });
      return;
    }
    const ack = parseJoinAck(outcome.value);
    if (!ack) {
      set({
        joining: false,
        join_error: { code: "bad_response", message: "The server's join answer did not match the contract." },
      });
      return;
    }
    // the ack's snapshot is current; missed events beyond it (if any) are applied on top
    let snapshot = applyMissed(ack.snapshot, ack.missed).snapshot;
    let gap = false;
    for (const event of buffered.sort((a, b) => a.payload.seq - b.payload.seq)) {
      const result = applyEvent(snapshot, event);
      if (result.kind === "resync") gap = true;
      if (gap) break;
      snapshot = result.snapshot;
    }
    buffered = [];
    set({
      snapshot,
      role: ack.role,
      team_id: ack.team_id ?? null,
      joining: false,
      join_error: null,
      queue: ack.queue ?? (ack.role === "team" ? [] : null),
      chat: addMessages(ack.chat, chatSinceJoin),
    });
    chatSinceJoin = [];
    if (gap) resync();
    else {
      resyncs = 0;
      void syncClock();
    }
  }

  function resync() {
    resyncs += 1;
    if (resyncs > MAX_RESYNCS) {
      set({ join_error: { code: "bad_response", message: "The room keeps missing events. Try rejoining." } });
      return;
    }
    void join();
  }

  function receive(event: RoomEvent | null) {
    if (!event || event.payload.session_id !== session_id) return;
    if (state.joining) {
      buffered.push(event);
      return;
    }
    if (!state.snapshot) return;
    const result = applyEvent(state.snapshot, event);
    if (result.kind === "applied") set({ snapshot: result.snapshot });
    else if (result.kind === "resync") resync();
  }

  // a few pings one after another; the shortest round trip gives the best estimate (clock-sync.ts)
  async function syncClock() {
    const samples: ClockSample[] = [];
    for (let i = 0; i < CLOCK_SAMPLES && !disposed; i++) {
      const sent = now();
      const outcome = await emitWithAck(socket, "ping", { client_time: sent }, options.ackTimeoutMs);
      const serverTime = outcome.ok ? outcome.value.server_time : undefined;
      if (disposed || typeof serverTime !== "number") break;
      samples.push({ sent, received: now(), server_time: serverTime });
      const estimate = bestOffset(samples);
      if (estimate) set({ server_offset_ms: estimate.offset_ms, clock_synced: true });
    }
  }

  const handlers = SEQUENCED_EVENT_NAMES.map(
    (name) => [name, (raw: unknown) => receive(parseRoomEvent(name, raw))] as const,
  );
  const onPresence = (raw: unknown) => {
    const presence = parsePresence(raw);
    if (presence && presence.session_id === session_id) set({ presence });
  };
  // the admin rotated this seat's token, or the league's key was replaced: this socket now
  // watches, and must not re-join with the old token
  const onSeatRevoked = (raw: unknown) => {
    const revoked = UNSEQUENCED_EVENTS.seat_revoked.safeParse(raw);
    if (
      !revoked.success ||
      revoked.data.session_id !== session_id ||
      state.role !== "team" ||
      state.team_id !== revoked.data.team_id
    )
      return;
    token = undefined;
    set({ role: "spectator", team_id: null, queue: null, revoked: { role: "team", team_id: revoked.data.team_id } });
  };
  const onAdminRevoked = (raw: unknown) => {
    const revoked = UNSEQUENCED_EVENTS.admin_revoked.safeParse(raw);
    if (!revoked.success || revoked.data.session_id !== session_id || state.role !== "admin") return;
    token = undefined;
    set({ role: "spectator", revoked: { role: "admin" } });
  };
  // after an outage of the link between servers, a node tells its clients the latest seq: a client
  // whose last missed event was the session's last one (a pause, the end) has no gap to notice
  const onSessionSeq = (raw: unknown) => {
    const announced = UNSEQUENCED_EVENTS.session_seq.safeParse(raw);
    if (!announced.success || announced.data.session_id !== session_id) return;
    if (!state.joining && state.snapshot && announced.data.seq > state.snapshot.seq) void join();
  };
  const onChatMessage = (raw: unknown) => {
    const parsed = UNSEQUENCED_EVENTS.chat_message.safeParse(raw);
    if (!parsed.success || parsed.data.session_id !== session_id) return;
    if (state.joining) chatSinceJoin.push(parsed.data.message);
    set({ chat: addMessages(state.chat, [parsed.data.message]) });
  };
  const onChatCleared = (raw: unknown) => {
    const parsed = UNSEQUENCED_EVENTS.chat_cleared.safeParse(raw);
    if (!parsed.success || parsed.data.session_id !== session_id) return;
    chatSinceJoin = [];
    set({ chat: [] });
  };
  for (const [name, handler] of handlers) socket.on(name, handler);
  socket.on("chat_message", onChatMessage);
  socket.on("chat_cleared", onChatCleared);
  socket.on("session_seq", onSessionSeq);
  socket.on("presence", onPresence);
  socket.on("seat_revoked", onSeatRevoked);
  socket.on("admin_revoked", onAdminRevoked);
  const offConnect = connection.onConnect(() => void join());
  if (socket.connected) void join();

  return {
    getState: () => state,
    subscribe(listener: (state: RoomState) => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    /** Manual retry after a join error. */
    rejoin: () => {
      resyncs = 0;
      void join();
    },
    /** Pick for the team on the clock: the seat's own team, or any team for an admin. */
    async makePick(player_id: string): Promise<AckOutcome> {
      const current = state.snapshot?.current_pick;
      if (!current) return { ok: false, error: { code: "invalid_state", message: "No pick is on the clock." } };
      const team_id = state.role === "team" && state.team_id ? state.team_id : current.team_id;
      // expected_overall: a second click aimed at the same pick number fails with conflict instead of picking twice
      const payload: ClientPayload<"make_pick"> = { session_id, team_id, player_id, expected_overall: current.overall };
      return emitWithAck(socket, "make_pick", payload, options.ackTimeoutMs);
    },
    /** Replace the seat's queue; the list shows the new order at once and rolls back if the server refuses. */
    async setQueue(player_ids: string[]): Promise<AckOutcome> {
      const team_id = state.team_id;
      if (state.role !== "team" || !team_id)
        return { ok: false, error: { code: "forbidden", message: "Only a team's seat has a queue." } };
      const before = state.queue;
      set({ queue: player_ids });
      const payload: ClientPayload<"set_queue"> = { session_id, team_id, player_ids };
      const outcome = await emitWithAck(socket, "set_queue", payload, options.ackTimeoutMs);
      const parsed = outcome.ok ? CLIENT_EVENTS.set_queue.result.safeParse(outcome.value) : null;
      if (parsed?.success) set({ queue: parsed.data.queue });
      else if (!outcome.ok && state.queue === player_ids) set({ queue: before });
      return outcome;
    },
    /** Offer picks to another team; the trade itself arrives as trade_proposed / trade_executed / trade_rejected. */
    /** Offers `terms` (seen from this seat: give is what it gives) to another team; future picks only when given. */
    async proposeTrade(to_team_id: string, terms: TradeOffer): Promise<AckOutcome> {
      const from_team_id = state.team_id;
      if (state.role !== "team" || !from_team_id)
        return { ok: false, error: { code: "forbidden", message: "Only a team's seat can offer trades." } };
      const { give, receive, give_future = [], receive_future = [] } = terms;
      const payload: ClientPayload<"propose_trade"> = {
        session_id,
        from_team_id,
        to_team_id,
        give,
        receive,
        ...(give_future.length ? { give_future } : {}),
        ...(receive_future.length ? { receive_future } : {}),
      };
      return emitWithAck(socket, "propose_trade", payload, options.ackTimeoutMs);
    },
    /** Shop the pick on the clock: CPU GMs that want it answer with pending offers (the ack lists them). */
    async shopPick(): Promise<AckOutcome> {
      const team_id = state.team_id;
      if (state.role !== "team" || !team_id)
        return { ok: false, error: { code: "forbidden", message: "Only a team's seat can shop its pick." } };
      return emitWithAck(socket, "shop_pick", { session_id, team_id }, options.ackTimeoutMs);
    },
    async respondTrade(trade_id: string, accept: boolean): Promise<AckOutcome> {
      const payload: ClientPayload<"respond_trade"> = { session_id, trade_id, accept };
      return emitWithAck(socket, "respond_trade", payload, options.ackTimeoutMs);
    },
    async adminAction(action: AdminAction): Promise<AckOutcome> {
      const payload: ClientPayload<"admin_action"> = { session_id, action };
      const outcome = await emitWithAck(socket, "admin_action", payload, options.ackTimeoutMs);
      const parsed = outcome.ok ? CLIENT_EVENTS.admin_action.result.safeParse(outcome.value) : null;
      // the broadcast normally gets here first; adopt the ack's snapshot only if it is ahead
      if (parsed?.success && !state.joining && state.snapshot && parsed.data.snapshot.seq > state.snapshot.seq)
        set({ snapshot: parsed.data.snapshot });
      return outcome;
    },
    /** Posts to the room's chat (seats and the commissioner); the message itself also arrives as chat_message. */
    async sendChat(text: string): Promise<AckOutcome> {
      const outcome = await emitWithAck(socket, "send_chat", { session_id, text }, options.ackTimeoutMs);
      const parsed = outcome.ok ? chatMessageSchema.safeParse(outcome.value.message) : null;
      if (parsed?.success) set({ chat: addMessages(state.chat, [parsed.data]) });
      return outcome;
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      offConnect();
      for (const [name, handler] of handlers) socket.off(name, handler);
      socket.off("chat_message", onChatMessage);
      socket.off("chat_cleared", onChatCleared);
      socket.off("session_seq", onSessionSeq);
      socket.off("presence", onPresence);
      socket.off("seat_revoked", onSeatRevoked);
      socket.off("admin_revoked", onAdminRevoked);
      listeners.clear();
      if (socket.connected) void emitWithAck(socket, "leave_session", { session_id }, 2000);
    },
  };
}

export type RoomClient = ReturnType<typeof createRoomClient>;
