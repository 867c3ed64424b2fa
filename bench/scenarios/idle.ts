// Idle capacity: many connections joined to many sessions, heartbeats on,
// nothing happening: what each connection costs the server in memory, and
// what holding them costs in CPU.
import { nowMs, sleep } from "../support/clock";
import type { ClientSpec } from "../support/clients";
import { MiB, startSampler } from "../support/proc-stats";
import { connectClients, createSessions, log, refusalHint, withGenerators } from "./common";

export interface IdleOptions {
  clients: number;
  sessions: number;
  generators: number;
  /** after connecting, before measuring */
  settleMs: number;
  /** the measuring window (longer than the 20 s ping interval on a full run) */
  windowMs: number;
}

export async function runIdle(url: string, serverPid: number, options: IdleOptions) {
  const errors: string[] = [];
  const createdAt = nowMs();
  const sessionIds = (await createSessions(url, options.sessions, { rounds: 1, human_teams: [], cpu_delay_ms: 0 })).map(
    (c) => c.sessionId,
  );
  log(`idle: ${sessionIds.length} sessions created in ${((nowMs() - createdAt) / 1000).toFixed(1)} s`);
  const perSession = Math.ceil(options.clients / options.sessions);
  const specs: ClientSpec[] = [];
  for (let i = 0; i < options.clients; i++) specs.push({ url, sessionId: sessionIds[Math.floor(i / perSession)]! });

  return withGenerators(options.generators, async (generators) => {
    // one client per session first: every session is loaded before the baseline is read
    const firsts = sessionIds.map((sessionId) => ({ url, sessionId }));
    const warm = await connectClients(generators, firsts, "idle");
    await sleep(2000);
    const before = startSampler([serverPid], 250);
    await sleep(4000);
    const baseline = before.stop().medianRssBytes[0]!;
    const rest = specs.filter((_, i) => i % perSession !== 0);
    const joined = await connectClients(generators, rest, "idle", { offset: 50_000 });
    const connected = warm.connected + joined.connected;
    log(
      `idle: ${connected}/${options.clients} clients joined (the last ${rest.length} in ${(joined.connectMs / 1000).toFixed(1)} s)`,
    );
    const hint = refusalHint(warm.failed + joined.failed, [...warm.errors, ...joined.errors]);
    if (hint) errors.push(hint);
    await sleep(options.settleMs);
    const sampler = startSampler([serverPid, ...generators.map((g) => g.pid)], 250);
    await sleep(options.windowMs);
    const usage = sampler.stop();
    const results = await Promise.all(
      generators.map((generator) => {
        const reply = generator.next("result", 60_000);
        generator.send({ cmd: "collect" });
        return reply;
      }),
    );
    const held = results.reduce((n, r) => n + r.clients, 0);
    const dropped = results.reduce((n, r) => n + r.disconnected, 0);
    const rss = usage.medianRssBytes[0]!;
    return {
      clients: connected,
      sessions: sessionIds.length,
      connect_failed: warm.failed + joined.failed,
      held: held - dropped,
      dropped,
      server_rss_mib: Math.round(rss / MiB),
      server_peak_rss_mib: Math.round(usage.peakRssBytes[0]! / MiB),
      baseline_rss_mib: Math.round(baseline / MiB),
      // the marginal cost: RSS (median over the window) minus RSS (median) with one client per session, over the clients added;
      // garbage collection moves RSS by tens of MiB, so this is an estimate within about ±5 KiB per connection
      rss_per_connection_kib: joined.connected ? Number(((rss - baseline) / joined.connected / 1024).toFixed(1)) : null,
      rss_total_per_connection_kib: connected ? Number((rss / connected / 1024).toFixed(1)) : null,
      server_cpu_pct_at_rest: Number((usage.cores[0]! * 100).toFixed(2)),
      window_s: Number(usage.wallSeconds.toFixed(1)),
      generator_rss_mib: Math.round(usage.rssBytes.slice(1).reduce((a, b) => a + b, 0) / MiB),
      errors,
    };
  });
}
