// A person drafting while the server is busy: an admin socket picks in an
// untimed all-human session every `intervalMs` and times each acknowledgement
// (make_pick → persisted → ack). Runs beside the many-rooms load, so its
// figures say how long a person's pick waits behind the CPU drafts.
import { nowMs, sleep } from "../support/clock";
import { openClient, request } from "../support/clients";
import { httpJson } from "../support/http";
import { summarize, type LatencySummary } from "../support/stats";
import { action, createLeague, createSession, poolTeams } from "./common";

export interface PickProbe {
  /** stops picking; resolves with the acknowledgement latencies */
  stop(): Promise<LatencySummary & { refused: number }>;
}

export async function startPickProbe(url: string, intervalMs: number): Promise<PickProbe> {
  const adminKey = await createLeague(url);
  const sessionId = await createSession(url, adminKey, { rounds: 7, human_teams: await poolTeams(url) }, "pick probe");
  await action(url, adminKey, sessionId, "start");
  const snapshot = await httpJson<{ order: { overall: number; team_id: string }[] }>(
    `${url}/api/sessions/${sessionId}`,
  );
  const players = (
    await httpJson<{ player_id: string }[]>(`${url}/api/sessions/${sessionId}/players?available=true`)
  ).map((p) => p.player_id);
  const { socket } = await openClient({ url, sessionId, token: adminKey }, 0);

  const acks: number[] = [];
  let refused = 0;
  let running = true;
  const loop = (async () => {
    for (let i = 0; running && i < snapshot.order.length; i++) {
      const slot = snapshot.order[i]!;
      const sent = nowMs();
      const ack = await request(socket, "make_pick", {
        session_id: sessionId,
        team_id: slot.team_id,
        player_id: players[i],
        expected_overall: slot.overall,
      }).catch(() => ({ ok: false }));
      if (ack.ok) acks.push(nowMs() - sent);
      else refused++;
      await sleep(intervalMs);
    }
  })();

  return {
    async stop() {
      running = false;
      await loop;
      socket.disconnect();
      return { ...summarize(acks), refused };
    },
  };
}
