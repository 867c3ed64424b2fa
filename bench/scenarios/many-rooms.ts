// Many rooms: many CPU-only drafts (cpu_delay_ms 0) started at once, each
// watched by a few clients that check every seq arrives exactly once.
import { nowMs, sleep } from "../support/clock";
import type { ClientSpec } from "../support/clients";
import { httpJson, inParallel } from "../support/http";
import { MiB, startSampler } from "../support/proc-stats";
import { summarize } from "../support/stats";
import { action, connectClients, createSessions, log, refusalHint, withGenerators } from "./common";
import { startPickProbe } from "./pick-probe";
import type { SeqClientReport } from "../support/generator-messages";

export interface ManyRoomsOptions {
  sessions: number;
  clientsPerSession: number;
  rounds: number;
  generators: number;
  timeoutMs: number;
}

/** Lost events: for every client, the seqs after its join it never got; plus duplicates and out-of-order arrivals. */
export function seqAccounting(perClient: SeqClientReport[], finalSeq: Map<string, number>) {
  let lost = 0;
  let duplicates = 0;
  let outOfOrder = 0;
  let expected = 0;
  for (const client of perClient) {
    const last = finalSeq.get(client.sessionId) ?? client.maxSeq;
    expected += last - client.baseSeq;
    lost += Math.max(0, last - client.baseSeq - client.distinct);
    duplicates += client.dupes;
    outOfOrder += client.outOfOrder;
  }
  return { expected, lost, duplicates, outOfOrder };
}

export async function runManyRooms(url: string, serverPid: number, options: ManyRoomsOptions) {
  const errors: string[] = [];
  const createdAt = nowMs();
  const created = await createSessions(url, options.sessions, {
    rounds: options.rounds,
    human_teams: [],
    cpu_delay_ms: 0,
    cpu_trade_offers: false,
  });
  const sessionIds = created.map((c) => c.sessionId);
  log(`many rooms: ${sessionIds.length} sessions created in ${((nowMs() - createdAt) / 1000).toFixed(1)} s`);

  return withGenerators(options.generators, async (generators) => {
    const specs: ClientSpec[] = sessionIds.flatMap((sessionId) =>
      Array.from({ length: options.clientsPerSession }, () => ({ url, sessionId })),
    );
    const joined = await connectClients(generators, specs, "seq");
    log(`many rooms: ${joined.connected}/${specs.length} clients joined in ${(joined.connectMs / 1000).toFixed(1)} s`);
    const hint = refusalHint(joined.failed, joined.errors);
    if (hint) errors.push(hint);
    await sleep(1500);

    const active = generators.filter((_, g) => joined.perGenerator[g]! > 0);
    const doneAt: number[] = [];
    const allDone = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), options.timeoutMs);
      for (const generator of active) {
        generator.on("done", ({ at }) => {
          doneAt.push(at);
          if (doneAt.length === active.length) {
            clearTimeout(timer);
            resolve(true);
          }
        });
      }
    });
    const progress = new Map<number, number>();
    generators.forEach((generator, g) => generator.on("progress", ({ events }) => progress.set(g, events)));
    const ticker = setInterval(() => {
      const events = [...progress.values()].reduce((a, b) => a + b, 0);
      log(`many rooms: ${events} events received by clients so far`);
    }, 10_000);

    const probe = await startPickProbe(url, 100);
    // the admin's 16 connections are opened (and fetch warmed up) before the clock starts: a first
    // request pays for that in this process, which is not the server's time to answer
    await inParallel(created.slice(0, 16), 16, () => httpJson(`${url}/readyz`));
    const sampler = startSampler([serverPid, ...generators.map((g) => g.pid)]);
    const startedAt = nowMs();
    // each start is an admin's command landing while the drafts already started run flat out
    const startMs: number[] = [];
    await inParallel(created, 16, async ({ sessionId, adminKey }) => {
      const sent = nowMs();
      await action(url, adminKey, sessionId, "start");
      startMs.push(nowMs() - sent);
    });
    const startsSentMs = nowMs() - startedAt;
    const finished = await allDone;
    clearInterval(ticker);
    const endedAt = finished ? Math.max(...doneAt) : nowMs();
    const usage = sampler.stop();
    const personPick = await probe.stop();
    if (personPick.refused > 0) errors.push(`the probe's picks were refused ${personPick.refused} times`);
    if (!finished) errors.push(`not every draft completed within ${options.timeoutMs / 1000} s`);

    const results = await Promise.all(
      generators.map((generator) => {
        const reply = generator.next("result", 60_000);
        generator.send({ cmd: "collect" });
        return reply;
      }),
    );
    // the database's word on how each draft ended
    const finals = await inParallel(sessionIds, 8, (id) =>
      httpJson<{ seq: number; status: string; picks: unknown[] }>(`${url}/api/sessions/${id}`),
    );
    const finalSeq = new Map(sessionIds.map((id, i) => [id, finals[i]!.seq]));
    const picks = finals.reduce((n, f) => n + f.picks.length, 0);
    const complete = finals.filter((f) => f.status === "complete").length;
    const seconds = (endedAt - startedAt) / 1000;
    const accounting = seqAccounting(
      results.flatMap((r) => r.perClient ?? []),
      finalSeq,
    );
    return {
      sessions: sessionIds.length,
      complete,
      clients: joined.connected,
      connect_failed: joined.failed,
      picks,
      seconds: Number(seconds.toFixed(2)),
      picks_per_s: Math.round(picks / seconds),
      starts_sent_ms: Math.round(startsSentMs),
      start_ms: summarize(startMs),
      person_pick_ms: personPick,
      events_expected: accounting.expected,
      lost: accounting.lost,
      duplicates: accounting.duplicates,
      out_of_order: accounting.outOfOrder,
      disconnects: results.reduce((n, r) => n + r.disconnected, 0),
      server_cpu_cores: Number(usage.cores[0]!.toFixed(2)),
      server_peak_rss_mib: Math.round(usage.peakRssBytes[0]! / MiB),
      generator_cpu_cores: Number(
        usage.cores
          .slice(1)
          .reduce((a, b) => a + b, 0)
          .toFixed(2),
      ),
      errors,
    };
  });
}
