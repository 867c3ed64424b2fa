// Who is connected to each session, sent at most once per second per session:
// a thousand spectators arriving must not cost a million frames.
import type { PresenceEvent } from "../../protocol/shapes";
import type { TimerClock } from "../sessions/pick-clock";
import { membershipsOf, roomOf, type WarRoomServer } from "./rooms";

export const PRESENCE_INTERVAL_MS = 1000;

export function createPresence(
  io: WarRoomServer,
  clock: TimerClock,
  teamsOf: (sessionId: string) => Promise<string[]>,
  /** someone came or went: the session is in use */
  seen: (sessionId: string) => void = () => {},
) {
  const pending = new Map<string, unknown>();
  const lastSent = new Map<string, number>();

  async function send(sessionId: string): Promise<void> {
    pending.delete(sessionId);
    const now = clock.now();
    // an entry older than the interval changes nothing: drop those, so sessions seen once are not kept for ever
    for (const [id, at] of lastSent) if (at + PRESENCE_INTERVAL_MS <= now) lastSent.delete(id);
    lastSent.set(sessionId, now);
    // fetchSockets asks every node when the Redis adapter is in use
    const [sockets, teams] = await Promise.all([io.in(roomOf(sessionId)).fetchSockets(), teamsOf(sessionId)]);
    const connected = new Set<string>();
    let spectators = 0;
    for (const socket of sockets) {
      const role = membershipsOf(socket.data)[sessionId];
      if (role?.role === "team") connected.add(role.team_id);
      else if (role?.role === "spectator") spectators++;
    }
    const event: PresenceEvent = {
      session_id: sessionId,
      teams: teams.map((team_id) => ({ team_id, connected: connected.has(team_id) })),
      spectators,
    };
    io.to(roomOf(sessionId)).emit("presence", event);
    seen(sessionId);
  }

  return {
    changed(sessionId: string): void {
      if (pending.has(sessionId)) return;
      const wait = Math.max(0, (lastSent.get(sessionId) ?? -Infinity) + PRESENCE_INTERVAL_MS - clock.now());
      pending.set(
        sessionId,
        clock.setTimeout(() => void send(sessionId).catch(() => {}), wait),
      );
    },
    stop(): void {
      for (const handle of pending.values()) clock.clearTimeout(handle);
      pending.clear();
    },
  };
}
