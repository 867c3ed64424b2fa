// What the console does with an imported class besides importing it: mock it
// in one click, and save edited needs. A class never changes once imported
// (sessions replay from it), so new needs are a new class, and the old one is
// deleted when no session uses it.
import { importPoolBodySchema } from "@/lib/protocol/pool-import";
import type { PositionNeeds, PoolSummary } from "@/lib/protocol/pools";
import { mySeatsStore, seatTokenStore } from "../storage";
import { HttpError } from "../fetch-json";
import { callRoute } from "../http-client";
import { adminApi } from "./admin-api";

/** A one-seat mock of the class for `teamId`, started, with the seat's token kept for the room. */
export async function mockClass(summary: PoolSummary, teamId: string): Promise<string> {
  const created = await adminApi.createSession({
    name: `Mock: ${summary.name}`.slice(0, 80),
    pool: summary.pool,
    rounds: summary.rounds,
    seconds_per_pick: 0,
    human_teams: [teamId],
    cpu_delay_ms: 800,
  });
  await adminApi.action(created.session_id, "start");
  const seat = created.seats[0];
  if (seat) {
    mySeatsStore.add(created.session_id, { [seat.team_id]: seat.token });
    seatTokenStore.set(created.session_id, seat.token);
  }
  return created.session_id;
}

export type SavedNeeds = { pool: string; replaced: true } | { pool: string; replaced: false; usedBy: string };

/** Imports the class again with these needs; the old class goes unless a session uses it. */
export async function saveNeeds(poolId: string, needs: PositionNeeds): Promise<SavedNeeds> {
  // the export is a file download; read here as the POST body it is
  const whole = await callRoute(
    "exportPool",
    { params: { pool: poolId }, query: { format: "json" } },
    importPoolBodySchema,
  );
  const created = await adminApi.importPool({ ...whole, needs });
  try {
    await adminApi.deletePool(poolId);
    return { pool: created.pool, replaced: true };
  } catch (err) {
    if (err instanceof HttpError && err.status === 409)
      return { pool: created.pool, replaced: false, usedBy: err.message };
    throw err;
  }
}
