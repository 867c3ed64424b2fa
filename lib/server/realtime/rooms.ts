import type { Server, Socket } from "socket.io";
import type { ClientToServerEvents, ServerToClientEvents } from "../../protocol/events";
import type { Role } from "../sessions/access";

/** Socket.IO typed by the contract's event map (lib/protocol/events.ts). */
export type WarRoomServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type ServerSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

const SESSION_ROOM_PREFIX = "session:";
export const roomOf = (sessionId: string) => `${SESSION_ROOM_PREFIX}${sessionId}`;
/** The session a room is for, or null for any other room (a seat's, the admins', a socket's own). */
export const sessionOfRoom = (room: string) =>
  room.startsWith(SESSION_ROOM_PREFIX) ? room.slice(SESSION_ROOM_PREFIX.length) : null;

/**
 * The sockets holding one seat. Revoking a seat empties this room with
 * socketsLeave, which the adapter carries to every node; each node then
 * demotes its own sockets (warroom.ts listens for leave-room).
 */
export const SEAT_ROOM_PREFIX = "seat:";
export const seatRoomOf = (sessionId: string, teamId: string) => `${SEAT_ROOM_PREFIX}${sessionId}:${teamId}`;
/** The sockets that joined a session as its league's admin; emptied the same way when the admin key is replaced. */
export const ADMIN_ROOM_PREFIX = "admin:";
export const adminRoomOf = (sessionId: string) => `${ADMIN_ROOM_PREFIX}${sessionId}`;

/** The role a revocable room stands for: a session's seat, or its admins. */
export type RevocableRoom = { sessionId: string; role: "team"; teamId: string } | { sessionId: string; role: "admin" };
export function parseRevocableRoom(room: string): RevocableRoom | null {
  if (room.startsWith(ADMIN_ROOM_PREFIX)) {
    const sessionId = room.slice(ADMIN_ROOM_PREFIX.length);
    return sessionId ? { sessionId, role: "admin" } : null;
  }
  if (!room.startsWith(SEAT_ROOM_PREFIX)) return null;
  const [sessionId, teamId] = room.slice(SEAT_ROOM_PREFIX.length).split(":");
  return sessionId && teamId ? { sessionId, role: "team", teamId } : null;
}

/** The revocable room a role holds in a session, if any. */
export function revocableRoomOf(sessionId: string, role: Role): string | null {
  if (role.role === "team") return seatRoomOf(sessionId, role.team_id);
  if (role.role === "admin") return adminRoomOf(sessionId);
  return null;
}

/** socket.data: the sessions this socket joined and its role in each (plain data, so other nodes can read it). */
export interface SocketData {
  memberships?: Record<string, Role>;
  /** set while the socket is disconnecting: the rooms it leaves then are no revocation */
  closing?: boolean;
}

export function membershipsOf(data: unknown): Record<string, Role> {
  const socketData = data as SocketData;
  socketData.memberships ??= Object.create(null) as Record<string, Role>;
  return socketData.memberships;
}
