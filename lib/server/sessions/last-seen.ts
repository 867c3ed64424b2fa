// When someone was last in a session's room, for the lobby to tell a live room
// from an abandoned one. Written at most once per interval per session: a
// room's comings and goings must not cost a database write each.
import type { SessionRepository } from "./session-repository";

export const LAST_SEEN_INTERVAL_MS = 5 * 60 * 1000;

export function createLastSeen(repo: Pick<SessionRepository, "touchSeen">, now: () => number) {
  const written = new Map<string, number>();
  return {
    /** Someone joined or left the session's room just now. */
    seen(sessionId: string): void {
      const at = now();
      if ((written.get(sessionId) ?? -Infinity) + LAST_SEEN_INTERVAL_MS > at) return;
      // entries past the interval change nothing: drop them, so sessions seen once are not kept for ever
      for (const [id, when] of written) if (when + LAST_SEEN_INTERVAL_MS <= at) written.delete(id);
      written.set(sessionId, at);
      // best effort: a missed write makes a session look idle a few minutes early, nothing more
      void repo.touchSeen(sessionId, new Date(at)).catch(() => {});
    },
  };
}
