// Solo mock: one CPU-only draft (every seat a CPU, cpu_delay_ms 0), wall time
// from the start request to the draft's "completed" update arriving at a
// watching client (it is sent only after everything before it was persisted).
import { nowMs } from "../support/clock";
import { openClient, SEQUENCED_EVENTS } from "../support/clients";
import { httpJson } from "../support/http";
import { median } from "../support/stats";
import { action, createLeague, createSession } from "./common";

export async function runSoloMock(url: string, runs: number) {
  const adminKey = await createLeague(url);
  const walls: number[] = [];
  const errors: string[] = [];
  let picks = 0;
  let lost = 0;
  for (let run = 0; run < runs; run++) {
    const sessionId = await createSession(
      url,
      adminKey,
      { rounds: 7, human_teams: [], cpu_delay_ms: 0 },
      `solo ${run + 1}`,
    );
    const { socket, ack } = await openClient({ url, sessionId }, 0);
    const seen = new Set<number>();
    try {
      const done = new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error("the solo draft did not complete within 60 s")), 60_000);
        for (const type of SEQUENCED_EVENTS) {
          socket.on(type, (payload: { seq: number; status?: string }) => {
            seen.add(payload.seq);
            if (type === "session_update" && payload.status === "complete") {
              clearTimeout(timer);
              resolve(nowMs());
            }
          });
        }
      });
      const startedAt = nowMs();
      await action(url, adminKey, sessionId, "start");
      const completedAt = await done;
      walls.push(completedAt - startedAt);
      const snapshot = await httpJson<{ seq: number; picks: unknown[] }>(`${url}/api/sessions/${sessionId}`);
      picks = snapshot.picks.length;
      lost += snapshot.seq - ack.snapshot.seq - seen.size;
    } catch (error) {
      errors.push((error as Error).message);
    } finally {
      socket.disconnect();
    }
  }
  return {
    runs: walls.length,
    picks,
    wall_ms_median: Math.round(median(walls)),
    wall_ms: walls.map((w) => Math.round(w)),
    picks_per_s: walls.length ? Math.round(picks / (median(walls) / 1000)) : 0,
    lost,
    errors,
  };
}
