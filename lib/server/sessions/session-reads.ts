// A session as a client first sees it: the snapshot, and on a (re)join the
// events it missed, so it can pick up exactly where it left off.
import "../db/server-only";
import { toSnapshot } from "../../draft/snapshot";
import type { Snapshot } from "../../protocol/shapes";
import type { SessionRepository } from "./session-repository";
import type { SessionRunner } from "./session-runner";

/** At most this many missed events come with a join; past it the snapshot alone resyncs the client. */
export const MISSED_LIMIT = 500;

export function createSessionReads({
  repo,
  runner,
  now,
}: {
  repo: SessionRepository;
  runner: SessionRunner;
  now: () => number;
}) {
  return {
    async snapshot(sessionId: string): Promise<Snapshot> {
      return toSnapshot((await runner.current(sessionId)).state, now());
    },

    /** The snapshot, and every event after `lastSeq` up to it (none when more than MISSED_LIMIT); a seat also gets its queue. */
    async join(sessionId: string, lastSeq: number | undefined, teamId?: string) {
      const session = await runner.current(sessionId);
      const snapshot = toSnapshot(session.state, now());
      const queue = teamId ? { queue: [...(session.state.queues[teamId] ?? [])] } : {};
      if (lastSeq === undefined) return { snapshot, ...queue };
      const gap = snapshot.seq - lastSeq;
      if (gap <= 0 || gap > MISSED_LIMIT) return { snapshot, missed: [], ...queue };
      return { snapshot, missed: await repo.readEvents(sessionId, lastSeq, MISSED_LIMIT, snapshot.seq), ...queue };
    },
  };
}

export type SessionReads = ReturnType<typeof createSessionReads>;
