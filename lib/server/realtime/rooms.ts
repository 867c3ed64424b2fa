import type { Role } from "../sessions/session-service";

export const roomOf = (sessionId: string) => `session:${sessionId}`;

/** socket.data: the sessions this socket joined and its role in each (plain data, so other nodes can read it). */
export interface SocketData {
  memberships?: Record<string, Role>;
}

export function membershipsOf(data: unknown): Record<string, Role> {
  const socketData = data as SocketData;
  socketData.memberships ??= {};
  return socketData.memberships;
}
