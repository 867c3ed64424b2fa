import type { Role } from "../sessions/session-service";

export const roomOf = (sessionId: string) => `session:${sessionId}`;

/**
 * The sockets holding one seat. Revoking a seat empties this room with
 * socketsLeave, which the adapter carries to every node; each node then
 * demotes its own sockets (warroom.ts listens for leave-room).
 */
export const SEAT_ROOM_PREFIX = "seat:";
export const seatRoomOf = (sessionId: string, teamId: string) => `${SEAT_ROOM_PREFIX}${sessionId}:${teamId}`;
export function parseSeatRoom(room: string): { sessionId: string; teamId: string } | null {
  if (!room.startsWith(SEAT_ROOM_PREFIX)) return null;
  const [sessionId, teamId] = room.slice(SEAT_ROOM_PREFIX.length).split(":");
  return sessionId && teamId ? { sessionId, teamId } : null;
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
