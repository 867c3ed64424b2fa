// The contract's client → server events, each one through onEvent.
import type { Socket } from "socket.io";
import {
  adminActionSchema,
  joinSessionSchema,
  leaveSessionSchema,
  makePickSchema,
  pingSchema,
  proposeTradeSchema,
  respondTradeSchema,
  setQueueSchema,
} from "../../protocol/commands";
import { ContractError } from "../../protocol/errors";
import type { Actor } from "../../draft/types";
import type { Logger } from "../logger";
import type { Role, SessionService } from "../sessions/session-service";
import { onEvent } from "./on-event";
import { createTokenBucket, type RateLimit } from "./rate-limit";
import { membershipsOf, revocableRoomOf, roomOf, type SocketData } from "./rooms";

export interface HandlerDeps {
  service: SessionService;
  logger: Logger;
  rateLimit: RateLimit;
  now: () => number;
  presenceChanged: (sessionId: string) => void;
  /** sockets in a room on this node */
  localRoomSize: (room: string) => number;
  /** sockets per session on this node; seats and admins always get in, spectators beyond it are refused */
  socketsPerSession: number;
}

/** Every event this module answers; anything else with an acknowledgement is told so. */
export const CLIENT_EVENTS = [
  "join_session",
  "leave_session",
  "make_pick",
  "propose_trade",
  "respond_trade",
  "set_queue",
  "admin_action",
  "ping",
] as const;
const KNOWN_EVENTS = new Set<string>(CLIENT_EVENTS);

/** The engine's actor for a role: its seat's team, or an admin; a spectator may not act at all. */
function actorOf(role: Role): Actor {
  if (role.role === "team") return { kind: "team", teamId: role.team_id };
  if (role.role === "admin") return { kind: "admin" };
  throw new ContractError("forbidden", "spectators cannot change the draft");
}

export function registerSocketHandlers(
  socket: Socket,
  { service, logger, rateLimit, now, presenceChanged, localRoomSize, socketsPerSession }: HandlerDeps,
): void {
  const guard = createTokenBucket(rateLimit);
  const memberships = membershipsOf(socket.data);

  /** The role this socket joined the session with; unauthorized when it has not joined. */
  const roleIn = (sessionId: string): Role => {
    const role = memberships[sessionId];
    if (!role) throw new ContractError("unauthorized", "join the session first");
    return role;
  };

  const mayActFor = (role: Role, teamId: string): void => {
    if (role.role === "admin") return;
    if (role.role === "spectator") throw new ContractError("forbidden", "spectators cannot change the draft");
    if (role.team_id !== teamId) throw new ContractError("forbidden", `your seat is ${role.team_id}, not ${teamId}`);
  };

  onEvent(socket, "join_session", joinSessionSchema, guard, logger, async ({ session_id, token, last_seq }) => {
    const role = await service.resolveRole(session_id, token);
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
    const joined = await service.join(session_id, last_seq, role.role === "team" ? role.team_id : undefined);
    return { ...role, ...joined };
  });

  onEvent(socket, "leave_session", leaveSessionSchema, guard, logger, async ({ session_id }) => {
    const role = roleIn(session_id);
    delete memberships[session_id];
    const held = revocableRoomOf(session_id, role);
    if (held) await socket.leave(held);
    await socket.leave(roomOf(session_id));
    presenceChanged(session_id);
    return {};
  });

  onEvent(
    socket,
    "make_pick",
    makePickSchema,
    guard,
    logger,
    async ({ session_id, team_id, player_id, expected_overall }) => {
      const role = roleIn(session_id);
      mayActFor(role, team_id);
      const pick = await service.makePick(session_id, actorOf(role), {
        teamId: team_id,
        playerId: player_id,
        ...(expected_overall !== undefined ? { expectedOverall: expected_overall } : {}),
      });
      return { pick };
    },
  );

  onEvent(
    socket,
    "propose_trade",
    proposeTradeSchema,
    guard,
    logger,
    async ({ session_id, from_team_id, to_team_id, give, receive }) => {
      const role = roleIn(session_id);
      mayActFor(role, from_team_id);
      const trade = await service.proposeTrade(session_id, actorOf(role), {
        fromTeamId: from_team_id,
        toTeamId: to_team_id,
        give,
        receive,
      });
      return { trade };
    },
  );

  onEvent(socket, "respond_trade", respondTradeSchema, guard, logger, async ({ session_id, trade_id, accept }) => {
    return { trade: await service.respondTrade(session_id, actorOf(roleIn(session_id)), trade_id, accept) };
  });

  onEvent(socket, "set_queue", setQueueSchema, guard, logger, async ({ session_id, team_id, player_ids }) => {
    mayActFor(roleIn(session_id), team_id);
    return { queue: await service.setQueue(session_id, team_id, player_ids) };
  });

  onEvent(socket, "admin_action", adminActionSchema, guard, logger, async ({ session_id, action }) => {
    if (roleIn(session_id).role !== "admin") throw new ContractError("forbidden", "only the league admin may do this");
    return { snapshot: await service.adminAction(session_id, action) };
  });

  onEvent(socket, "ping", pingSchema, guard, logger, () => ({ server_time: now() }));

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
  socket.on("disconnecting", () => void ((socket.data as SocketData).closing = true));

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
