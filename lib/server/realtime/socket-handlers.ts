// The contract's client → server events (trades aside), each one through onEvent.
import type { Socket } from "socket.io";
import {
  adminActionSchema,
  joinSessionSchema,
  leaveSessionSchema,
  makePickSchema,
  pingSchema,
  setQueueSchema,
} from "../../protocol/commands";
import { ContractError } from "../../protocol/errors";
import type { Logger } from "../logger";
import type { Role, SessionService } from "../sessions/session-service";
import { onEvent } from "./on-event";
import { createTokenBucket, type RateLimit } from "./rate-limit";
import { membershipsOf, roomOf } from "./rooms";

export interface HandlerDeps {
  service: SessionService;
  logger: Logger;
  rateLimit: RateLimit;
  now: () => number;
  presenceChanged: (sessionId: string) => void;
}

export function registerSocketHandlers(socket: Socket, { service, logger, rateLimit, now, presenceChanged }: HandlerDeps): void {
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
    // join the room before reading the snapshot: nothing broadcast after it can be missed
    memberships[session_id] = role;
    await socket.join(roomOf(session_id));
    presenceChanged(session_id);
    const { snapshot, missed } = await service.join(session_id, last_seq);
    return { ...role, snapshot, ...(missed ? { missed } : {}) };
  });

  onEvent(socket, "leave_session", leaveSessionSchema, guard, logger, async ({ session_id }) => {
    roleIn(session_id);
    delete memberships[session_id];
    await socket.leave(roomOf(session_id));
    presenceChanged(session_id);
    return {};
  });

  onEvent(socket, "make_pick", makePickSchema, guard, logger, async ({ session_id, team_id, player_id, expected_overall }) => {
    const role = roleIn(session_id);
    mayActFor(role, team_id);
    const actor = role.role === "team" ? ({ kind: "team", teamId: role.team_id } as const) : ({ kind: "admin" } as const);
    const pick = await service.makePick(session_id, actor, { teamId: team_id, playerId: player_id, ...(expected_overall !== undefined ? { expectedOverall: expected_overall } : {}) });
    return { pick };
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

  socket.on("disconnect", () => {
    for (const sessionId of Object.keys(memberships)) presenceChanged(sessionId);
  });
}
