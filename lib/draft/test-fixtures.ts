// A small draft class for engine tests: 4 clubs, 3 rounds, one traded pick.
import type { Slot } from "../protocol/shapes";
import { makePool } from "./pool";
import { initialState } from "./reducer";
import type { DraftConfig, DraftState, TeamSeat } from "./types";

const CLUBS = ["KC", "NYJ", "BUF", "MIA"] as const;
const POSITIONS = ["QB", "WR", "OL", "DL", "LB", "DB"] as const;

export function smallPool() {
  const order: Slot[] = [];
  for (let round = 1; round <= 3; round++) {
    CLUBS.forEach((club, i) => {
      const overall = (round - 1) * CLUBS.length + i + 1;
      // NYJ's second-rounder belongs to KC in the real order
      const team = round === 2 && club === "NYJ" ? "KC" : club;
      order.push({ overall, round, pick_in_round: i + 1, team_id: team, original_team_id: team });
    });
  }
  const players = Array.from({ length: 20 }, (_, i) => {
    const position = POSITIONS[i % POSITIONS.length]!;
    return { player_id: `p${i + 1}`, name: `Player ${i + 1}`, position, category: position, rank: i + 1 };
  });
  return makePool({
    id: "test",
    rounds: 3,
    teams: CLUBS.map((c) => ({ team_id: c, name: `Club ${c}` })),
    players,
    order,
  });
}

export function smallConfig(overrides: Partial<DraftConfig> & { humans?: string[] } = {}): DraftConfig {
  const pool = overrides.pool ?? smallPool();
  const humans = new Set(overrides.humans ?? ["KC", "NYJ"]);
  const teams: TeamSeat[] = pool.teams.map((t) => ({ ...t, controller: humans.has(t.team_id) ? "human" : "cpu" }));
  return {
    sessionId: "00000000-0000-4000-8000-000000000001",
    name: "Test draft",
    pool,
    rounds: 3,
    secondsPerPick: 60,
    cpuDelayMs: 1000,
    teams,
    // CPU trade-up calls are tested on their own; elsewhere they would add events
    settings: { cpuTradeOffers: false },
    ...overrides,
  };
}

export function smallState(overrides: Parameters<typeof smallConfig>[0] = {}): DraftState {
  return initialState(smallConfig(overrides));
}
