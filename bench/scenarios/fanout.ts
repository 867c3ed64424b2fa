// Fan-out: one session, many clients, picks made one after another by the
// league admin; delivery latency = pick emitted (picker) → draft_pick received
// (each client), on a clock every bench process shares.
//
// Targets are measured interleaved, pick by pick (WarRoom's pick n, then the
// relay's pick n, …), so background load on a shared machine hits both alike
// and their ratio stays meaningful.
import type { Socket } from "socket.io-client";
import { nowMs, sleep } from "../support/clock";
import { openClient, request, type ClientSpec } from "../support/clients";
import { httpJson } from "../support/http";
import { startSampler } from "../support/proc-stats";
import { summarize, type LatencySummary } from "../support/stats";
import type { GeneratorHandle } from "../support/processes";
import {
  connectClients,
  createLeague,
  createSession,
  log,
  poolTeams,
  refusalHint,
  withGenerators,
  type Connected,
} from "./common";

export interface FanoutOptions {
  clients: number;
  picks: number;
  /** generator processes per target */
  generators: number;
  /** at least this long between two picks on one target: the server allows bursts of 40, then 20 events/s per socket */
  minIntervalMs: number;
  /** how long to wait for every client to get one pick before going on */
  perPickTimeoutMs: number;
}

export interface FanoutTarget {
  label: string;
  kind: "warroom" | "relay";
  /** clients are dealt round-robin over these servers */
  clientUrls: string[];
  /** the picker's server */
  pickerUrl: string;
  serverPids: number[];
}

export interface FanoutResult {
  clients: number;
  connect_failed: number;
  picks: number;
  rejected_picks: number;
  deliveries: number;
  lost: number;
  duplicates: number;
  disconnects: number;
  latency_ms: LatencySummary;
  ack_ms: LatencySummary;
  server_cpu_cores: number[];
  server_peak_rss_mib: number[];
  generator_cpu_cores: number;
  errors: string[];
}

interface Prepared {
  target: FanoutTarget;
  sessionId: string;
  picker: Socket;
  generators: GeneratorHandle[];
  joined: Connected;
  got: ReturnType<typeof trackGot>;
  /** the pick to make for each overall, in order */
  order: { overall: number; team_id: string }[];
  players: string[];
  /** what this target broadcast, by overall (WarRoom) */
  payloads: Map<number, unknown>;
  emitTimes: [number, number][];
  acks: number[];
  rejected: number;
  errors: string[];
  last: number;
}

async function prepare(target: FanoutTarget, options: FanoutOptions, generators: GeneratorHandle[]): Promise<Prepared> {
  const errors: string[] = [];
  let sessionId: string;
  let adminKey: string | undefined;
  if (target.kind === "warroom") {
    adminKey = await createLeague(target.pickerUrl);
    // every seat human and untimed: only the picker's picks happen
    const teams = await poolTeams(target.pickerUrl);
    sessionId = await createSession(
      target.pickerUrl,
      adminKey,
      { rounds: Math.min(7, Math.ceil(options.picks / 30) + 1), human_teams: teams },
      "fan-out",
    );
  } else {
    sessionId = crypto.randomUUID();
  }
  const specs: ClientSpec[] = Array.from({ length: options.clients }, (_, i) => ({
    url: target.clientUrls[i % target.clientUrls.length]!,
    sessionId,
  }));
  const joined = await connectClients(generators, specs, "fanout", { maxOverall: options.picks + 300 });
  log(
    `fan-out, ${target.label}: ${joined.connected}/${options.clients} clients joined in ${(joined.connectMs / 1000).toFixed(1)} s`,
  );
  const hint = refusalHint(joined.failed, joined.errors);
  if (hint) errors.push(hint);

  const { socket: picker, ack: joinAck } = await openClient(
    { url: target.pickerUrl, sessionId, ...(adminKey ? { token: adminKey } : {}) },
    0,
  );
  const payloads = new Map<number, unknown>();
  picker.on(
    "draft_pick",
    (payload: { pick?: { overall: number } } | undefined) =>
      payload?.pick && payloads.set(payload.pick.overall, payload),
  );
  let order: { overall: number; team_id: string }[] = [];
  let players: string[] = [];
  if (target.kind === "warroom") {
    order = joinAck.snapshot.order;
    const started = await request(picker, "admin_action", { session_id: sessionId, action: "start" });
    if (!started.ok) throw new Error(`start refused: ${JSON.stringify(started.error)}`);
    players = (
      await httpJson<{ player_id: string }[]>(`${target.pickerUrl}/api/sessions/${sessionId}/players?available=true`)
    ).map((p) => p.player_id);
    if (order.length < options.picks || players.length < options.picks)
      throw new Error(`the session has only ${order.length} picks / ${players.length} players`);
  }
  const active = generators.filter((_, g) => joined.perGenerator[g]! > 0);
  return {
    target,
    sessionId,
    picker,
    generators,
    joined,
    got: trackGot(active),
    order,
    players,
    payloads,
    emitTimes: [],
    acks: [],
    rejected: 0,
    errors,
    last: 0,
  };
}

/** Makes pick `i` on one target and waits until every client has it (or the per-pick timeout). */
async function pickOnce(p: Prepared, i: number, options: FanoutOptions, source: Prepared | null): Promise<void> {
  if (p.rejected >= 5) return;
  let payload: object;
  let overall: number;
  if (p.target.kind === "warroom") {
    const slot = p.order[i]!;
    overall = slot.overall;
    payload = {
      session_id: p.sessionId,
      team_id: slot.team_id,
      player_id: p.players[i],
      expected_overall: slot.overall,
    };
  } else {
    // the relay sends the very payload WarRoom broadcast for this pick
    const slot = source?.order[i];
    const relayed = slot ? source!.payloads.get(slot.overall) : undefined;
    if (!slot || relayed === undefined) return void p.errors.push(`no WarRoom payload to relay for pick ${i + 1}`);
    overall = slot.overall;
    payload = { session_id: p.sessionId, relay: relayed };
  }
  const wait = options.minIntervalMs - (nowMs() - p.last);
  if (wait > 0) await sleep(wait);
  const arrived = p.got.waitFor(overall, options.perPickTimeoutMs);
  p.last = nowMs();
  const ack = await request(p.picker, "make_pick", payload, 30_000).catch((error: Error) => ({
    ok: false,
    error: { code: "timeout", message: error.message },
  }));
  p.acks.push(nowMs() - p.last);
  if (!ack.ok) {
    p.rejected++;
    if (p.errors.length < 5) p.errors.push(`pick ${overall} refused: ${ack.error?.code} ${ack.error?.message}`);
    return;
  }
  p.emitTimes.push([overall, p.last]);
  await arrived;
}

async function collect(
  p: Prepared,
  usage: ReturnType<ReturnType<typeof startSampler>["stop"]>,
  pidOffset: number,
): Promise<FanoutResult> {
  // the stragglers of the last pick
  if (p.emitTimes.length) await p.got.waitFor(p.emitTimes.at(-1)![0], 10_000);
  const results = await Promise.all(
    p.generators.map((generator) => {
      const reply = generator.next("result", 60_000);
      generator.send({ cmd: "collect", emitTimes: p.emitTimes });
      return reply;
    }),
  );
  // fan-out results carry latencies, lost and dupes
  const latencies = results.map((r) => r.latencies ?? new Float64Array(0));
  const all = new Float64Array(latencies.reduce((n, l) => n + l.length, 0));
  let at = 0;
  for (const l of latencies) {
    all.set(l, at);
    at += l.length;
  }
  const servers = p.target.serverPids.length;
  const generatorCores = usage.cores.slice(pidOffset + servers, pidOffset + servers + p.generators.length);
  return {
    clients: p.joined.connected,
    connect_failed: p.joined.failed,
    picks: p.emitTimes.length,
    rejected_picks: p.rejected,
    deliveries: all.length,
    lost: results.reduce((n, r) => n + (r.lost ?? 0), 0),
    duplicates: results.reduce((n, r) => n + (r.dupes ?? 0), 0),
    disconnects: results.reduce((n, r) => n + r.disconnected, 0),
    latency_ms: summarize(all),
    ack_ms: summarize(p.acks),
    server_cpu_cores: usage.cores.slice(pidOffset, pidOffset + servers).map((c) => Number(c.toFixed(2))),
    server_peak_rss_mib: usage.peakRssBytes.slice(pidOffset, pidOffset + servers).map((b) => Math.round(b / 2 ** 20)),
    generator_cpu_cores: Number(generatorCores.reduce((a, b) => a + b, 0).toFixed(2)),
    errors: p.errors,
  };
}

/**
 * Runs the fan-out on every target at once, interleaved pick by pick. A relay
 * target relays what the first WarRoom target broadcast, so it must come after one.
 */
export async function runFanout(targets: FanoutTarget[], options: FanoutOptions): Promise<FanoutResult[]> {
  return withGenerators(options.generators * targets.length, async (allGenerators) => {
    const prepared: Prepared[] = [];
    try {
      for (const [t, target] of targets.entries()) {
        prepared.push(
          await prepare(target, options, allGenerators.slice(t * options.generators, (t + 1) * options.generators)),
        );
      }
      const source = prepared.find((p) => p.target.kind === "warroom") ?? null;
      // presence is coalesced to one per second: let the joins' presence go out before measuring
      await sleep(1500);
      const pids = prepared.flatMap((p) => [...p.target.serverPids, ...p.generators.map((g) => g.pid)]);
      const sampler = startSampler(pids);
      for (let i = 0; i < options.picks; i++) {
        for (const p of prepared) await pickOnce(p, i, options, source);
      }
      const usage = sampler.stop();
      const results: FanoutResult[] = [];
      let offset = 0;
      for (const p of prepared) {
        results.push(await collect(p, usage, offset));
        offset += p.target.serverPids.length + p.generators.length;
      }
      return results;
    } finally {
      for (const p of prepared) p.picker.disconnect();
    }
  });
}

/** Resolves when every generator has said that all its clients got a pick (or after a timeout). */
function trackGot(generators: GeneratorHandle[]) {
  const counts = new Map<number, number>();
  const waiters = new Map<number, () => void>();
  for (const generator of generators) {
    generator.on("got", ({ overall }) => {
      const n = (counts.get(overall) ?? 0) + 1;
      counts.set(overall, n);
      if (n === generators.length) waiters.get(overall)?.();
    });
  }
  return {
    waitFor(overall: number, timeoutMs: number): Promise<boolean> {
      if ((counts.get(overall) ?? 0) >= generators.length) return Promise.resolve(true);
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          waiters.delete(overall);
          resolve(false);
        }, timeoutMs);
        waiters.set(overall, () => {
          clearTimeout(timer);
          waiters.delete(overall);
          resolve(true);
        });
      });
    },
  };
}
