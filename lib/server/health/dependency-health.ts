// What /healthz and /readyz report: each dependency "ok" or "down" ("off" is
// Redis not configured), every check bounded by a timeout so the answer comes
// within a second whatever state a dependency is in. A Redis client that is
// reconnecting is down at once: a ping would wait in its offline queue.
import "../db/server-only";

export type DependencyState = "ok" | "down";
export interface HealthReport {
  db: DependencyState;
  redis: DependencyState | "off";
}

export interface Dependencies {
  db: { ping(): Promise<void> };
  redis?: { ready(): boolean; ping(): Promise<void> };
}

/** Each check's budget: both run at once, so a report takes at most this long. */
export const DEPENDENCY_TIMEOUT_MS = 800;

async function within(check: () => Promise<void>, timeoutMs: number): Promise<DependencyState> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<DependencyState>((resolve) => {
    timer = setTimeout(() => resolve("down"), timeoutMs);
  });
  try {
    return await Promise.race([check().then((): DependencyState => "ok"), timedOut]);
  } catch {
    return "down";
  } finally {
    clearTimeout(timer);
  }
}

export async function checkDependencies(
  { db, redis }: Dependencies,
  timeoutMs = DEPENDENCY_TIMEOUT_MS,
): Promise<HealthReport> {
  const [dbState, redisState] = await Promise.all([
    within(() => db.ping(), timeoutMs),
    redis
      ? redis.ready()
        ? within(() => redis.ping(), timeoutMs)
        : Promise.resolve<DependencyState>("down")
      : Promise.resolve("off" as const),
  ]);
  return { db: dbState, redis: redisState };
}

export const healthy = (report: HealthReport) => report.db === "ok" && report.redis !== "down";
