// Every bundled class also exists as a completed session, "The real <year> NFL
// Draft": its real picks made through the engine in real order, so it replays
// like any mock and a mock of that class can be compared with it.
import "../db/server-only";
import { isUniqueViolation } from "../db/unique-violation";
import { randomBytes } from "node:crypto";
import { decide } from "../../draft/engine";
import { buildOrder } from "../../draft/order";
import { currentSlot, initialState } from "../../draft/reducer";
import type { DraftEvent, DraftPool, DraftState } from "../../draft/types";
import { hashSecret } from "../auth/secrets";
import type { Database } from "../db/open-database";
import { WriteConflict } from "../sessions/event-log-sql";
import type { SessionRepository } from "../sessions/session-repository";
import { historySessionId } from "./history-ids";
import type { PoolCatalog } from "./pool-catalog";

export { historySessionId };

const HISTORY_LEAGUE_ID = "00000000-0000-4000-8000-000000000000";
/** The evening each real draft opened (8 pm Eastern = midnight UTC); picks are spaced five minutes apart. */
const DRAFT_NIGHTS: Record<string, string> = {
  "2021": "2021-04-30",
  "2022": "2022-04-29",
  "2023": "2023-04-28",
  "2024": "2024-04-26",
};
const MINUTES_PER_PICK = 5;

export const historySessionName = (poolId: string) => `The real ${poolId} NFL Draft`;

/** The real draft as engine events: start, then each real pick by the club that made it. */
export function realDraftEvents(pool: DraftPool, sessionId: string): { events: DraftEvent[]; state: DraftState } {
  const opened = Date.parse(`${DRAFT_NIGHTS[pool.id] ?? `${pool.id}-04-25`}T00:00:00Z`);
  let state = initialState({
    sessionId,
    name: historySessionName(pool.id),
    pool,
    rounds: pool.rounds,
    secondsPerPick: 0,
    cpuDelayMs: 0,
    teams: pool.teams.map((team) => ({ ...team, controller: "cpu" })),
    settings: {},
  });
  const events: DraftEvent[] = [];
  const apply = (decision: ReturnType<typeof decide>) => {
    if (!decision.ok) throw new Error(`the real ${pool.id} draft does not replay: ${decision.rejection.message}`);
    events.push(...decision.value.events);
    state = decision.value.state;
  };
  apply(decide(state, { type: "start" }, opened));
  for (let slot = currentSlot(state); slot; slot = currentSlot(state)) {
    // a pool's ranks are the real overall picks
    const player = pool.players[slot.overall - 1];
    if (!player || player.rank !== slot.overall)
      throw new Error(`pool ${pool.id} has no player ranked ${slot.overall}`);
    const at = opened + slot.overall * MINUTES_PER_PICK * 60_000;
    apply(
      decide(
        state,
        {
          type: "make_pick",
          actor: { kind: "admin" },
          teamId: slot.team_id,
          playerId: player.player_id,
          expectedOverall: slot.overall,
        },
        at,
      ),
    );
  }
  return { events, state };
}

/** Creates the real-draft session of every pool that lacks one; returns the pools it created them for. */
export async function loadHistorySessions(
  prisma: Database,
  repo: SessionRepository,
  pools: PoolCatalog,
): Promise<string[]> {
  // only bundled classes have a real draft to replay
  const summaries = await pools.list({ kind: "bundled" });
  const wanted = summaries.map((summary) => summary.pool);
  // complete, not merely present: a start that died between creating the row and writing its log finishes it now
  const present = new Set(
    (
      await prisma.draftSession.findMany({
        where: { id: { in: wanted.map(historySessionId) }, status: "complete" },
        select: { id: true },
      })
    ).map((row) => row.id),
  );
  if (present.size === wanted.length) return [];
  // nobody holds this league's key: the real drafts are read-only
  await prisma.league
    .upsert({
      where: { id: HISTORY_LEAGUE_ID },
      create: {
        id: HISTORY_LEAGUE_ID,
        name: "NFL draft history",
        adminKeyHash: hashSecret(randomBytes(32).toString("hex")),
      },
      update: {},
    })
    .catch((error: unknown) => {
      // another node starting at the same moment created it first
      if (!isUniqueViolation(error)) throw error;
    });
  const created: string[] = [];
  for (const poolId of wanted) {
    const id = historySessionId(poolId);
    if (present.has(id)) continue;
    const pool = await pools.get(poolId);
    if (!pool) continue;
    const { events, state } = realDraftEvents(pool, id);
    await repo
      .createSession({
        id,
        leagueId: HISTORY_LEAGUE_ID,
        poolId,
        name: historySessionName(poolId),
        config: { rounds: pool.rounds, seconds_per_pick: 0, cpu_delay_ms: 0, history: true },
        seatAccess: "invite",
        seats: pool.teams.map((team) => ({
          teamId: team.team_id,
          name: team.name,
          controller: "cpu",
          tokenHash: null,
        })),
        order: buildOrder(pool, pool.rounds),
      })
      .catch((error: unknown) => {
        // the row exists: another node starting at the same moment, or an earlier start that died before the log
        if (!isUniqueViolation(error)) throw error;
      });
    try {
      await repo.append(id, events, {
        status: state.status,
        seq: state.seq,
        currentOverall: null,
        deadline: null,
        dueAt: null,
      });
    } catch (error) {
      // another node wrote the log first
      if (error instanceof WriteConflict) continue;
      throw error;
    }
    created.push(poolId);
  }
  return created;
}
