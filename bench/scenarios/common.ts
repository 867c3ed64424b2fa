// What several scenarios share: a league, sessions, and a set of generators
// each holding a share of the clients.
import { randomUUID } from "node:crypto";
import { httpJson, inParallel } from "../support/http";
import type { ClientSpec } from "../support/clients";
import { startGenerators, type GeneratorHandle } from "../support/processes";

export const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

export async function createLeague(url: string): Promise<string> {
  const { admin_key } = await httpJson<{ admin_key: string }>(`${url}/api/leagues`, {
    body: { name: `bench ${randomUUID().slice(0, 8)}` },
  });
  return admin_key;
}

export interface SessionBody {
  rounds: number;
  human_teams: string[];
  cpu_delay_ms?: number;
  seconds_per_pick?: number;
  cpu_trade_offers?: boolean;
  seed?: number;
}

export async function createSession(url: string, adminKey: string, body: SessionBody, name = "bench"): Promise<string> {
  const created = await httpJson<{ session_id: string }>(`${url}/api/sessions`, {
    token: adminKey,
    body: { name, seconds_per_pick: 0, cpu_delay_ms: 0, cpu_trade_offers: false, ...body },
  });
  return created.session_id;
}

/**
 * A server may cap the sessions one league has open at once
 * (MAX_ACTIVE_SESSIONS_PER_LEAGUE): the bench spreads its sessions over
 * leagues of at most BENCH_SESSIONS_PER_LEAGUE (default 50).
 */
const SESSIONS_PER_LEAGUE = Math.max(1, Number(process.env.BENCH_SESSIONS_PER_LEAGUE || 50));

export interface CreatedSession {
  sessionId: string;
  adminKey: string;
}

export async function createSessions(
  url: string,
  count: number,
  body: SessionBody,
  concurrency = 4,
): Promise<CreatedSession[]> {
  const keys = await inParallel(
    Array.from({ length: Math.ceil(count / SESSIONS_PER_LEAGUE) }, (_, i) => i),
    4,
    () => createLeague(url),
  );
  return inParallel(
    Array.from({ length: count }, (_, i) => i),
    concurrency,
    async (i) => {
      const adminKey = keys[Math.floor(i / SESSIONS_PER_LEAGUE)]!;
      return { sessionId: await createSession(url, adminKey, body, `bench ${i + 1}`), adminKey };
    },
  );
}

export const action = (url: string, adminKey: string, sessionId: string, name: string) =>
  httpJson(`${url}/api/sessions/${sessionId}/actions`, { token: adminKey, body: { action: name } });

export async function poolTeams(url: string, pool = "2024"): Promise<string[]> {
  const pools = await httpJson<{ pool: string; teams: { team_id: string }[] }[]>(`${url}/api/pools`);
  const found = pools.find((p) => p.pool === pool);
  if (!found) throw new Error(`the server has no pool ${pool}`);
  return found.teams.map((team) => team.team_id);
}

export interface Connected {
  generators: GeneratorHandle[];
  connected: number;
  failed: number;
  errors: string[];
  connectMs: number;
  /** clients connected in each generator */
  perGenerator: number[];
}

/** Deals the clients round-robin over the generators and connects them all. */
export async function connectClients(
  generators: GeneratorHandle[],
  specs: ClientSpec[],
  mode: "fanout" | "seq" | "idle",
  options: { maxOverall?: number; concurrency?: number; timeoutMs?: number; offset?: number } = {},
): Promise<Connected> {
  const shares: ClientSpec[][] = generators.map(() => []);
  specs.forEach((spec, i) => shares[i % generators.length]!.push(spec));
  const replies = await Promise.all(
    generators.map((generator, g) => {
      const reply = generator.next("connected", options.timeoutMs ?? 300_000);
      generator.send({
        cmd: "connect",
        mode,
        clients: shares[g],
        concurrency: options.concurrency ?? 25,
        maxOverall: options.maxOverall ?? 0,
        offset: (options.offset ?? 0) + g * 100_000,
      });
      return reply;
    }),
  );
  return {
    generators,
    connected: replies.reduce((n, r) => n + r.connected, 0),
    failed: replies.reduce((n, r) => n + r.failed, 0),
    errors: [...new Set(replies.flatMap((r) => r.errors))].slice(0, 5),
    connectMs: Math.max(...replies.map((r) => r.ms)),
    perGenerator: replies.map((r) => r.connected),
  };
}

export async function withGenerators<T>(
  count: number,
  work: (generators: GeneratorHandle[]) => Promise<T>,
): Promise<T> {
  const generators = await startGenerators(count);
  try {
    return await work(generators);
  } finally {
    await Promise.all(generators.map((generator) => generator.close()));
  }
}

/** A hint for when connections are refused: the server may now limit connections per IP. */
export function refusalHint(failed: number, errors: string[]): string | undefined {
  if (!failed) return undefined;
  return `${failed} connection(s) failed (${errors.join(" | ")}); if the server limits connections per IP, set BENCH_SOURCE_ADDRS=N (clients spread over 127.0.0.1..N) or raise the limit with BENCH_SERVER_ENV="VAR=value"`;
}
