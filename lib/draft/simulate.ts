// A whole draft through the real engine, for tests and benchmarks: CPU seats
// pick on ticks exactly as they would live, so what is measured here is what a
// session would do, not a copy of the strategy loop.
import { decide, type Outcome } from "./engine";
import type { Decision } from "./errors";
import { initialState } from "./reducer";
import type { DraftCommand, DraftPool, DraftState, SimulatorSettings } from "./types";

export interface SimulateOptions {
  rounds?: number;
  /** overrides settings.seed */
  seed?: number;
  settings?: SimulatorSettings;
  /** seats played by "people": they pick with humanPick, else as the clock's autopick would */
  humanTeams?: readonly string[];
  /** a human seat's move: a player id, or null to let the autopick choose */
  humanPick?: (state: DraftState, teamId: string) => string | null;
  /** the fixed clock every command runs at; timing must not change the draft */
  now?: number;
}

const DEFAULT_NOW = Date.parse("2026-04-23T20:00:00.000Z");

function must(decision: Decision<Outcome>): DraftState {
  if (!decision.ok) throw new Error(`simulateDraft: ${decision.rejection.code}: ${decision.rejection.message}`);
  return decision.value.state;
}

/** Runs a draft from start to its last pick at one fixed clock; returns the final (complete) state. */
export function simulateDraft(pool: DraftPool, options: SimulateOptions = {}): DraftState {
  const now = options.now ?? DEFAULT_NOW;
  const humans = new Set(options.humanTeams ?? []);
  const settings: SimulatorSettings = {
    ...options.settings,
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
  };
  let state = initialState({
    sessionId: "00000000-0000-4000-8000-0000000005d1",
    name: "Simulated draft",
    pool,
    rounds: options.rounds ?? pool.rounds,
    // untimed, so a human seat waits for its move instead of timing out at a fixed now
    secondsPerPick: 0,
    cpuDelayMs: 0,
    teams: pool.teams.map((team) => ({ ...team, controller: humans.has(team.team_id) ? "human" : "cpu" })),
    settings,
  });
  state = must(decide(state, { type: "start" }, now));
  while (state.status === "running") {
    const slot = state.order[state.picks.length];
    if (!slot) break;
    let command: DraftCommand = { type: "tick" };
    if (humans.has(slot.team_id)) {
      const playerId = options.humanPick?.(state, slot.team_id) ?? null;
      command =
        playerId === null
          ? { type: "force_autopick" }
          : { type: "make_pick", actor: { kind: "team", teamId: slot.team_id }, teamId: slot.team_id, playerId };
    }
    const before = state.seq;
    state = must(decide(state, command, now));
    // a tick that does nothing at a fixed clock would do nothing forever
    if (state.seq === before) throw new Error(`simulateDraft: no progress at pick ${slot.overall}`);
  }
  return state;
}
