// What each scenario's figures say: its rows in the table (with the target
// and whether it was met) and whether the run failed. run.ts runs the
// scenarios; this turns their results into outcomes.
import type { Row } from "./report";
import type { FanoutResult } from "./scenarios/fanout";
import type { runIdle } from "./scenarios/idle";
import type { runManyRooms } from "./scenarios/many-rooms";

type ManyRoomsResult = Awaited<ReturnType<typeof runManyRooms>>;
type IdleResult = Awaited<ReturnType<typeof runIdle>>;

export interface Outcome {
  scenario: string;
  result?: Record<string, unknown>;
  error?: string;
  /** lost deliveries/events (a failure of the run) */
  lost: number;
  rows: Row[];
}

export type ScenarioOutcome = Omit<Outcome, "scenario">;

const ms = (v: number) => `${v.toFixed(1)} ms`;
const lat = (r: FanoutResult) =>
  `p50 ${ms(r.latency_ms.p50)} · p90 ${ms(r.latency_ms.p90)} · p99 ${ms(r.latency_ms.p99)} · max ${ms(r.latency_ms.max)}`;
const fanoutErrors = (r: FanoutResult) =>
  r.errors.length > 0 || r.rejected_picks > 0 || r.connect_failed > 0 || r.disconnects > 0;

export function fanoutOutcome(warroom: FanoutResult, relay: FanoutResult): ScenarioOutcome {
  const ratio = warroom.latency_ms.p99 / relay.latency_ms.p99;
  const lost = warroom.lost + relay.lost;
  const rows: Row[] = [
    {
      scenario: "fan-out",
      measure: `WarRoom, ${warroom.clients} clients × ${warroom.picks} picks`,
      value: `${lat(warroom)}; lost ${warroom.lost}; server CPU ${warroom.server_cpu_cores[0]} cores (averaged over the interleaved run)`,
    },
    {
      scenario: "fan-out",
      measure: `bare relay, ${relay.clients} clients × ${relay.picks} picks`,
      value: `${lat(relay)}; lost ${relay.lost}; server CPU ${relay.server_cpu_cores[0]} cores (same)`,
    },
    {
      scenario: "fan-out",
      measure: "p99 WarRoom / relay",
      value: `${ratio.toFixed(2)}× (p50 ${(warroom.latency_ms.p50 / relay.latency_ms.p50).toFixed(2)}×)`,
      target: "≤ 1.3×, 0 lost",
      met: ratio <= 1.3 && lost === 0,
    },
  ];
  const failed = fanoutErrors(warroom) || fanoutErrors(relay);
  return {
    result: {
      warroom,
      relay,
      p99_ratio: Number(ratio.toFixed(3)),
      p50_ratio: Number((warroom.latency_ms.p50 / relay.latency_ms.p50).toFixed(3)),
    },
    lost,
    rows,
    ...(failed
      ? {
          error: [...warroom.errors, ...relay.errors].join("; ") || "rejected picks, failed connections or disconnects",
        }
      : {}),
  };
}

export function manyRoomsOutcome(r: ManyRoomsResult, clientsPerSession: number): ScenarioOutcome {
  const allDone = r.complete === r.sessions;
  const rows: Row[] = [
    {
      scenario: "many rooms",
      measure: `${r.sessions} CPU drafts × ${clientsPerSession} clients, embedded`,
      value: `${r.complete}/${r.sessions} complete, ${r.picks} picks in ${r.seconds} s; lost ${r.lost}, dup ${r.duplicates}, out of order ${r.out_of_order}`,
    },
    {
      scenario: "many rooms",
      measure: "throughput",
      value: `${r.picks_per_s} picks/s`,
      target: "≥ 1000 picks/s, all complete, 0 lost",
      met: allDone && r.lost === 0 && r.picks_per_s >= 1000,
    },
    {
      scenario: "many rooms",
      measure: "server",
      value: `CPU ${r.server_cpu_cores} cores avg; peak RSS ${r.server_peak_rss_mib} MiB (generators ${r.generator_cpu_cores} cores)`,
    },
    {
      scenario: "many rooms",
      measure: "a person's make_pick meanwhile (socket ack)",
      value: `p50 ${r.person_pick_ms.p50} ms · p99 ${r.person_pick_ms.p99} ms · max ${r.person_pick_ms.max} ms (${r.person_pick_ms.samples} picks, a 100 ms pause after each)`,
    },
    {
      scenario: "many rooms",
      measure: "an admin's `start` meanwhile (HTTP)",
      value: `p50 ${r.start_ms.p50} ms · p99 ${r.start_ms.p99} ms · max ${r.start_ms.max} ms (${r.start_ms.samples}, 16 at a time)`,
    },
  ];
  const failed =
    r.errors.length > 0 ||
    !allDone ||
    r.duplicates > 0 ||
    r.out_of_order > 0 ||
    r.disconnects > 0 ||
    r.connect_failed > 0;
  return {
    result: r,
    lost: r.lost,
    rows,
    ...(failed
      ? { error: r.errors.join("; ") || "incomplete drafts, duplicates, disorder, failed connections or disconnects" }
      : {}),
  };
}

export function idleOutcome(r: IdleResult, clients: number): ScenarioOutcome {
  const rows: Row[] = [
    {
      scenario: "idle",
      measure: `${r.clients} connections over ${r.sessions} sessions`,
      value: `held ${r.held}, dropped ${r.dropped}; server RSS ${r.server_rss_mib} MiB (peak ${r.server_peak_rss_mib}; ${r.baseline_rss_mib} MiB with 1 client per session; marginal ≈ ${r.rss_per_connection_kib} KiB per connection)`,
      target: "all held, RSS < 1024 MiB",
      met: r.held === clients && r.server_rss_mib < 1024,
    },
    {
      scenario: "idle",
      measure: "server CPU at rest",
      value: `${r.server_cpu_pct_at_rest}% of a core over ${r.window_s} s`,
    },
  ];
  const failed = r.errors.length > 0 || r.dropped > 0 || r.connect_failed > 0;
  return {
    result: r,
    lost: r.dropped,
    rows,
    ...(failed ? { error: r.errors.join("; ") || "dropped or failed connections" } : {}),
  };
}

/** Two nodes against one, on the same PostgreSQL and Redis; `embedded` is the one-node fan-out run earlier, when there was one. */
export function twoNodesOutcome(one: FanoutResult, two: FanoutResult, embedded: FanoutResult | null): ScenarioOutcome {
  // the fair "one node": the same cluster, the same database and Redis, measured interleaved with the two-node run
  const delta = two.latency_ms.p50 - one.latency_ms.p50;
  const rows: Row[] = [
    {
      scenario: "two nodes",
      measure: `1 node, PostgreSQL + Redis, ${one.clients} clients × ${one.picks} picks`,
      value: `${lat(one)}; lost ${one.lost}`,
    },
    {
      scenario: "two nodes",
      measure: `2 nodes (clients split), ${two.clients} clients × ${two.picks} picks`,
      value: `${lat(two)}; lost ${two.lost}; server CPU ${two.server_cpu_cores.join(" + ")} cores (over both runs: the first node also served the 1-node one)`,
    },
    {
      scenario: "two nodes",
      measure: "p50, 2 nodes − 1 node",
      value: `${delta >= 0 ? "+" : ""}${delta.toFixed(1)} ms (ratio ${(two.latency_ms.p50 / one.latency_ms.p50).toFixed(2)}×)${embedded ? `; vs the embedded 1-node fan-out above: ${(two.latency_ms.p50 - embedded.latency_ms.p50).toFixed(1)} ms` : ""}`,
      target: "≤ +3 ms",
      met: delta <= 3 && two.lost === 0,
    },
  ];
  const failed = fanoutErrors(one) || fanoutErrors(two);
  return {
    result: {
      one_node: one,
      two_nodes: two,
      p50_delta_ms: Number(delta.toFixed(2)),
      p50_ratio: Number((two.latency_ms.p50 / one.latency_ms.p50).toFixed(3)),
    },
    lost: one.lost + two.lost,
    rows,
    ...(failed
      ? { error: [...one.errors, ...two.errors].join("; ") || "rejected picks, failed connections or disconnects" }
      : {}),
  };
}
