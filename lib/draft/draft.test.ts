import { decide, dueAt, TICK_BATCH_LIMIT, type Outcome } from "./engine";
import type { Decision } from "./errors";
import { currentSlot, foldEvents, initialState } from "./reducer";
import { toSnapshot } from "./snapshot";
import { smallConfig, smallState } from "./test-fixtures";
import type { DraftCommand, DraftEvent, DraftState } from "./types";

const T0 = Date.parse("2026-04-24T20:00:00.000Z");

function must(decision: Decision<Outcome>): Outcome {
  if (!decision.ok) throw new Error(`rejected: ${decision.rejection.code} ${decision.rejection.message}`);
  return decision.value;
}

function run(state: DraftState, command: DraftCommand, now = T0): DraftState {
  return must(decide(state, command, now)).state;
}

const pickBy = (teamId: string, playerId: string, expectedOverall?: number): DraftCommand => ({
  type: "make_pick",
  actor: { kind: "team", teamId },
  teamId,
  playerId,
  ...(expectedOverall !== undefined ? { expectedOverall } : {}),
});

function rejection(state: DraftState, command: DraftCommand, now = T0) {
  const decision = decide(state, command, now);
  if (decision.ok) throw new Error("expected a rejection");
  return decision.rejection;
}

describe("draft engine", () => {
  test("builds the session order from the pool's real order, traded picks included", () => {
    const state = smallState();
    expect(state.order).toHaveLength(12);
    expect(state.order[5]).toEqual({ overall: 6, round: 2, pick_in_round: 2, team_id: "KC", original_team_id: "KC" });
    expect(initialState(smallConfig({ rounds: 1 })).order).toHaveLength(4);
  });

  test("starting puts the first pick on the clock with a deadline", () => {
    const outcome = must(decide(smallState(), { type: "start" }, T0));
    expect(outcome.events).toHaveLength(1);
    const [event] = outcome.events;
    expect(event).toMatchObject({
      seq: 1,
      type: "session_update",
      payload: { status: "running", reason: "started", current_pick: { overall: 1, team_id: "KC" } },
    });
    expect(event!.type === "session_update" && event!.payload.clock).toEqual({
      seconds_per_pick: 60,
      deadline: new Date(T0 + 60000).toISOString(),
      remaining_ms: 60000,
    });
    expect(outcome.state.status).toBe("running");
  });

  test("refuses to start twice, and to pause, resume or pick in the lobby", () => {
    const running = run(smallState(), { type: "start" });
    expect(rejection(running, { type: "start" }).code).toBe("invalid_state");
    expect(rejection(smallState(), { type: "pause" }).code).toBe("invalid_state");
    expect(rejection(smallState(), { type: "resume" }).code).toBe("invalid_state");
    expect(rejection(smallState(), pickBy("KC", "p1")).code).toBe("invalid_state");
  });

  test("a pick by the team on the clock advances the order and restarts the clock", () => {
    const running = run(smallState(), { type: "start" });
    const outcome = must(decide(running, pickBy("KC", "p3", 1), T0 + 5000));
    const [event] = outcome.events;
    expect(event).toMatchObject({
      seq: 2,
      type: "draft_pick",
      payload: {
        pick: { overall: 1, team_id: "KC", auto: false, player: { player_id: "p3" } },
        next_pick: { overall: 2, team_id: "NYJ" },
      },
    });
    expect(outcome.state.deadline).toBe(T0 + 65000);
    expect(currentSlot(outcome.state)?.overall).toBe(2);
  });

  test("rejects a pick from a team that is not on the clock", () => {
    const running = run(smallState(), { type: "start" });
    expect(rejection(running, pickBy("NYJ", "p1"))).toMatchObject({ code: "conflict" });
  });

  test("rejects a seat picking for another team as forbidden", () => {
    const running = run(smallState(), { type: "start" });
    const command: DraftCommand = {
      type: "make_pick",
      actor: { kind: "team", teamId: "NYJ" },
      teamId: "KC",
      playerId: "p1",
    };
    expect(rejection(running, command).code).toBe("forbidden");
  });

  test("lets an admin pick on the team's behalf", () => {
    const running = run(smallState(), { type: "start" });
    const state = run(running, { type: "make_pick", actor: { kind: "admin" }, teamId: "KC", playerId: "p1" });
    expect(state.picks[0]).toMatchObject({ team_id: "KC", auto: false });
  });

  test("rejects a stale expected_overall so two clicks never make two picks", () => {
    let state = run(smallState(), { type: "start" });
    state = run(state, pickBy("KC", "p1", 1));
    expect(rejection(state, pickBy("KC", "p2", 1)).code).toBe("conflict");
  });

  test("rejects an unknown player and a player already taken", () => {
    let state = run(smallState(), { type: "start" });
    expect(rejection(state, pickBy("KC", "nobody")).code).toBe("not_found");
    state = run(state, pickBy("KC", "p1"));
    expect(rejection(state, pickBy("NYJ", "p1"))).toMatchObject({
      code: "conflict",
      message: expect.stringContaining("already"),
    });
  });

  test("pause keeps the remaining clock and resume continues from it", () => {
    let state = run(smallState(), { type: "start" }, T0);
    state = run(state, { type: "pause" }, T0 + 20000);
    expect(state.status).toBe("paused");
    expect(toSnapshot(state, T0 + 50000).clock).toEqual({ seconds_per_pick: 60, deadline: null, remaining_ms: 40000 });
    expect(rejection(state, pickBy("KC", "p1")).code).toBe("invalid_state");
    state = run(state, { type: "resume" }, T0 + 100000);
    expect(state.deadline).toBe(T0 + 140000);
  });

  test("undo takes back the last pick, frees the player and restarts that slot's clock", () => {
    let state = run(smallState(), { type: "start" });
    state = run(state, pickBy("KC", "p1"));
    const outcome = must(decide(state, { type: "undo_last_pick" }, T0 + 1000));
    expect(outcome.events[0]).toMatchObject({
      type: "session_update",
      payload: { reason: "pick_undone", undone_overall: 1, current_pick: { overall: 1 } },
    });
    expect(outcome.state.picks).toHaveLength(0);
    expect(outcome.state.takenPlayerIds.has("p1")).toBe(false);
    expect(outcome.state.deadline).toBe(T0 + 61000);
    expect(rejection(outcome.state, { type: "undo_last_pick" }).code).toBe("conflict");
  });

  test("force_autopick takes the team's first available queued player, else what its CPU general manager would take", () => {
    let state = run(smallState(), { type: "start" });
    state = { ...state, queues: { KC: ["p9", "p4"], NYJ: ["p9"] } };
    state = run(state, { type: "force_autopick" });
    expect(state.picks[0]).toMatchObject({ team_id: "KC", auto: true, player: { player_id: "p9" } });
    state = run(state, { type: "force_autopick" });
    expect(state.picks[1]).toMatchObject({ team_id: "NYJ", auto: true, player: { player_id: "p1" } });
  });

  test("autopick_rest makes every unmade pick as the clock would, queue first, and completes; offers no trades", () => {
    let state = run(smallState(), { type: "start" });
    state = run(state, pickBy("KC", "p3"));
    state = { ...state, queues: { NYJ: ["p7"] } };
    const paused = run(state, { type: "pause" });
    const outcome = must(decide(paused, { type: "autopick_rest" }, T0 + 5000));
    expect(outcome.state.status).toBe("complete");
    expect(outcome.state.picks).toHaveLength(12);
    expect(outcome.state.picks.map((p) => p.overall)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(outcome.state.picks[1]).toMatchObject({ team_id: "NYJ", player: { player_id: "p7" } });
    expect(new Set(outcome.state.picks.map((p) => p.player.player_id)).size).toBe(12);
    expect(outcome.events.map((e) => e.type)).toEqual([...Array(11).fill("draft_pick"), "session_update"]);
    expect(rejection(outcome.state, { type: "autopick_rest" }).code).toBe("invalid_state");
    expect(rejection(smallState(), { type: "autopick_rest" }).code).toBe("invalid_state");
  });

  test("a tick autopicks for a human seat whose clock expired, and not before", () => {
    const state = run(smallState(), { type: "start" }, T0);
    expect(must(decide(state, { type: "tick" }, T0 + 59999)).events).toHaveLength(0);
    const outcome = must(decide(state, { type: "tick" }, T0 + 60000));
    expect(outcome.events).toHaveLength(1);
    expect(outcome.state.picks[0]).toMatchObject({ team_id: "KC", auto: true, player: { player_id: "p1" } });
  });

  test("CPU seats pick after their delay, marked not auto", () => {
    let state = run(smallState({ humans: [] }), { type: "start" }, T0);
    expect(dueAt(state)).toBe(T0 + 1000);
    expect(must(decide(state, { type: "tick" }, T0 + 999)).events).toHaveLength(0);
    state = run(state, { type: "tick" }, T0 + 1000);
    expect(state.picks).toHaveLength(1);
    expect(state.picks[0]!.auto).toBe(false);
    expect(dueAt(state)).toBe(T0 + 2000);
  });

  test("with no CPU delay one tick drafts every CPU pick in a row, up to the next human", () => {
    let state = run(smallState({ humans: ["BUF"], cpuDelayMs: 0 }), { type: "start" }, T0);
    state = run(state, { type: "tick" }, T0);
    expect(state.picks.map((p) => p.team_id)).toEqual(["KC", "NYJ"]);
    expect(currentSlot(state)?.team_id).toBe("BUF");
  });

  test("the last pick completes the draft", () => {
    let state = run(smallState({ humans: [], cpuDelayMs: 0 }), { type: "start" }, T0);
    const events: DraftEvent[] = [];
    // a tick makes at most TICK_BATCH_LIMIT picks; with nothing to wait for, the clock ticks again at once
    for (let ticks = 0; state.status === "running" && ticks < 12; ticks++) {
      const outcome = must(decide(state, { type: "tick" }, T0));
      expect(outcome.events.filter((e) => e.type === "draft_pick").length).toBeLessThanOrEqual(TICK_BATCH_LIMIT);
      expect(dueAt(outcome.state)).toBe(outcome.state.status === "running" ? T0 : null);
      events.push(...outcome.events);
      state = outcome.state;
    }
    expect(state.picks).toHaveLength(12);
    expect(state.status).toBe("complete");
    expect(events.at(-1)).toMatchObject({
      type: "session_update",
      payload: { reason: "completed", current_pick: null },
    });
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 13 }, (_, i) => i + 2));
    expect(rejection(state, { type: "complete" }).code).toBe("invalid_state");
  });

  test("folding the persisted events rebuilds the same state", () => {
    let state = run(smallState(), { type: "start" }, T0);
    const events = [];
    for (const command of [
      pickBy("KC", "p2"),
      pickBy("NYJ", "p1"),
      { type: "pause" } as const,
      { type: "resume" } as const,
      { type: "undo_last_pick" } as const,
    ]) {
      const outcome = must(decide(state, command, T0 + 1000));
      events.push(...outcome.events);
      state = outcome.state;
    }
    const start = must(decide(smallState(), { type: "start" }, T0)).events;
    const rebuilt = foldEvents(smallState(), [...start, ...events]);
    expect(toSnapshot(rebuilt, T0 + 5000)).toEqual(toSnapshot(state, T0 + 5000));
  });

  test("the admin can complete a draft early", () => {
    const state = run(run(smallState(), { type: "start" }), { type: "complete" });
    expect(state.status).toBe("complete");
    expect(currentSlot(state)).toBeNull();
  });
});
