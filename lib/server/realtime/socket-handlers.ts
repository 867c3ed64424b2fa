// The contract's client → server events (lib/protocol/events.ts): one handler
// per event, each registered through onEvent from the event map, so there is
// no second list of event names to drift from it.
import { CLIENT_EVENT_NAMES, type ClientEventName, type ClientResult, type ParsedPayload } from "../../protocol/events";
import { CHAT_RATE_LIMIT } from "../../protocol/chat";
import { ContractError } from "../../protocol/errors";
import type { ChatService } from "../chat/chat-service";
import type { Logger } from "../logger";
import type { Metrics } from "../metrics/metrics";
import { actorOf, type Access, type Role } from "../sessions/access";
import type { SessionCommands } from "../sessions/session-commands";
import type { SessionReads } from "../sessions/session-reads";
import { onEvent } from "./on-event";
import { createTokenBucket, type RateLimit } from "./rate-limit";
import { membershipsOf, revocableRoomOf, roomOf, type ServerSocket } from "./rooms";

export interface HandlerDeps {
  access: Access;
  commands: SessionCommands;
  reads: SessionReads;
  chat: ChatService;
  logger: Logger;
  metrics?: Metrics;
  rateLimit: RateLimit;
  now: () => number;
  presenceChanged: (sessionId: string) => void;
  /** sockets in a room on this node */
  localRoomSize: (room: string) => number;
  /** sockets per session on this node; seats and admins always get in, spectators beyond it are refused */
  socketsPerSession: number;
}

/** One handler per client event: its parsed payload in, what its acknowledgement carries out. */
type Handlers = { [E in ClientEventName]: (payload: ParsedPayload<E>) => Promise<ClientResult<E>> | ClientResult<E> };

const KNOWN_EVENTS = new Set<string>(CLIENT_EVENT_NAMES);

export function registerSocketHandlers(
  socket: ServerSocket,
  {
    access,
    commands,
    reads,
    chat,
    logger,
    metrics,
    rateLimit,
    now,
    presenceChanged,
    localRoomSize,
    socketsPerSession,
  }: HandlerDeps,
): void {
  const guard = createTokenBucket(rateLimit);
  // chat has its own, tighter limit on top of the one every event counts against
  const chatGuard = createTokenBucket(CHAT_RATE_LIMIT);
  const memberships = membershipsOf(socket.data);

  /** The role this socket joined the session with; unauthorized when it has not joined. */
  const roleIn = (sessionId: string): Role => {
    const role = memberships[sessionId];
    if (!role) throw new ContractError("unauthorized", "join the session first");
    return role;
  };

  const handlers: Handlers = {
    async join_session({ session_id, token, last_seq }) {
      const role = await access.resolveRole(session_id, token);
      const room = roomOf(session_id);
      if (role.role === "spectator" && !socket.rooms.has(room) && localRoomSize(room) >= socketsPerSession) {
        throw new ContractError("rate_limited", "this session has as many watchers as it can take; try again later");
      }
      // join the room before reading the snapshot: nothing broadcast after it can be missed
      const previous = memberships[session_id];
      memberships[session_id] = role;
      // a socket that held another seat (or admin) here gives it up (its new role is recorded first, so this is no revocation)
      const held = previous ? revocableRoomOf(session_id, previous) : null;
      const holds = revocableRoomOf(session_id, role);
      if (held && held !== holds) await socket.leave(held);
      await socket.join(holds ? [room, holds] : room);
      presenceChanged(session_id);
      const joined = await reads.join(session_id, last_seq, role.role === "team" ? role.team_id : undefined);
      return { ...role, ...joined, chat: await chat.history(session_id) };
    },

    async leave_session({ session_id }) {
      const role = roleIn(session_id);
      delete memberships[session_id];
      const held = revocableRoomOf(session_id, role);
      if (held) await socket.leave(held);
      await socket.leave(roomOf(session_id));
      presenceChanged(session_id);
      return {};
    },

    async make_pick({ session_id, team_id, player_id, expected_overall }) {
      const pick = await commands.makePick(session_id, actorOf(roleIn(session_id)), {
        teamId: team_id,
        playerId: player_id,
        ...(expected_overall !== undefined ? { expectedOverall: expected_overall } : {}),
      });
      return { pick };
    },

    async propose_trade({ session_id, from_team_id, to_team_id, give, receive, give_future, receive_future }) {
      const trade = await commands.proposeTrade(session_id, actorOf(roleIn(session_id)), {
        fromTeamId: from_team_id,
        toTeamId: to_team_id,
        give,
        receive,
        ...(give_future ? { giveFuture: give_future } : {}),
        ...(receive_future ? { receiveFuture: receive_future } : {}),
      });
      return { trade };
    },

    async shop_pick({ session_id, team_id }) {
      return { trades: await commands.shopPick(session_id, actorOf(roleIn(session_id)), team_id) };
    },

    async respond_trade({ session_id, trade_id, accept }) {
      return { trade: await commands.respondTrade(session_id, actorOf(roleIn(session_id)), trade_id, accept) };
    },

    async set_queue({ session_id, team_id, player_ids }) {
      return { queue: await commands.setQueue(session_id, actorOf(roleIn(session_id)), team_id, player_ids) };
    },

    async admin_action({ session_id, action }) {
      return { snapshot: await commands.adminAction(session_id, actorOf(roleIn(session_id)), action) };
    },

    ping: () => ({ server_time: now() }),

    async send_chat({ session_id, text }) {
      const role = roleIn(session_id);
      if (role.role === "spectator")
        throw new ContractError("forbidden", "spectators can read the chat but not post in it");
      if (!chatGuard.take())
        throw new ContractError("rate_limited", "you are sending messages too fast; wait a second");
      return { message: await chat.send(session_id, role, text) };
    },
  };
  const register = <E extends ClientEventName>(name: E) =>
    onEvent(socket, name, guard, { logger, metrics }, handlers[name]);
  for (const name of CLIENT_EVENT_NAMES) register(name);

  // an unknown event is never acted on; one that asks for an answer gets one, like any malformed command
  socket.onAny((event: unknown, ...args: unknown[]) => {
    if (typeof event === "string" && KNOWN_EVENTS.has(event)) return;
    const last = args.at(-1);
    if (typeof last !== "function") return;
    const ack = last as (response: unknown) => void;
    if (!guard.take())
      return void safeAck(ack, { ok: false, error: { code: "rate_limited", message: "too many events; slow down" } });
    safeAck(ack, { ok: false, error: { code: "not_found", message: "no such event" } });
  });

  // leaving every room on the way out is no revocation
  socket.on("disconnecting", () => void (socket.data.closing = true));

  socket.on("disconnect", () => {
    for (const sessionId of Object.keys(memberships)) presenceChanged(sessionId);
  });
}

function safeAck(ack: (response: unknown) => void, response: unknown): void {
  try {
    ack(response);
  } catch {
    // the socket may have gone
  }
}
