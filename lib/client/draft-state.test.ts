import type { Clock, DraftPick, Slot, Snapshot } from "@/lib/protocol/shapes";
import { applyEvent, applyMissed } from "./draft-state";
import { parseJoinAck, parseMissedItem, type RoomEvent } from "./room-events";

const SESSION = "5b0f7a2e-8c1d-4c57-9a51-0e6a3c1d2b3f";
const slot = (overall: number, team_id: string): Slot => ({
  overall,
  round: 1,
  pick_in_round: overall,
  team_id,
  original_team_id: team_id,
});
const clock = (deadline: string | null): Clock => ({
  seconds_per_pick: 60,
  deadline,
  remaining_ms: deadline ? 60000 : null,
});
const pick = (overall: number, team_id: string, player_id: string): DraftPick => ({
  ...slot(overall, team_id),
  player: { player_id, name: `Player ${player_id}`, position: "QB", rank: overall },
  auto: false,
  made_at: "2026-04-24T00:00:00.000Z",
});

function snapshot(overrides: Partial<Snapshot> = {}): Snapshot {
  return {
    session_id: SESSION,
    name: "Mock draft",
    status: "running",
    seq: 3,
    rounds: 1,
    current_pick: slot(1, "CHI"),
    clock: clock("2026-04-24T00:01:00.000Z"),
    teams: [
      { team_id: "CHI", name: "Chicago", controller: "human" },
      { team_id: "WAS", name: "Washington", controller: "cpu" },
      { team_id: "NE", name: "New England", controller: "cpu" },
    ],
    order: [slot(1, "CHI"), slot(2, "WAS"), slot(3, "NE")],
    picks: [],
    trades: [],
    ...overrides,
  };
}

const draftPick = (seq: number, p: DraftPick, next: Slot | null): RoomEvent => ({
  type: "draft_pick",
  payload: { session_id: SESSION, seq, pick: p, next_pick: next, clock: clock("2026-04-24T00:02:00.000Z") },
});

describe("draft state reducer", () => {
  it("applies the next draft pick: appends it, moves the clock and keeps the status", () => {
    const result = applyEvent(snapshot(), draftPick(4, pick(1, "CHI", "p1"), slot(2, "WAS")));
    expect(result.kind).toBe("applied");
    expect(result.snapshot.seq).toBe(4);
    expect(result.snapshot.picks.map((p) => p.overall)).toEqual([1]);
    expect(result.snapshot.current_pick).toEqual(slot(2, "WAS"));
    expect(result.snapshot.clock.deadline).toBe("2026-04-24T00:02:00.000Z");
    expect(result.snapshot.status).toBe("running");
  });

  it("leaves the status running after the last pick until the server says completed", () => {
    const result = applyEvent(snapshot(), draftPick(4, pick(1, "CHI", "p1"), null));
    expect(result.snapshot.current_pick).toBeNull();
    expect(result.snapshot.status).toBe("running");
  });

  it("ignores an event it already applied", () => {
    const before = snapshot();
    const result = applyEvent(before, draftPick(3, pick(1, "CHI", "p1"), slot(2, "WAS")));
    expect(result).toEqual({ kind: "ignored", snapshot: before });
  });

  it("asks for a resync when a seq is skipped", () => {
    const before = snapshot();
    const result = applyEvent(before, draftPick(5, pick(1, "CHI", "p1"), slot(2, "WAS")));
    expect(result).toEqual({ kind: "resync", snapshot: before, last_seq: 3 });
  });

  it("ignores an event for another session", () => {
    const event = draftPick(4, pick(1, "CHI", "p1"), slot(2, "WAS"));
    event.payload.session_id = "00000000-0000-4000-8000-000000000000";
    expect(applyEvent(snapshot(), event).kind).toBe("ignored");
  });

  it("does not mutate the snapshot it was given", () => {
    const before = snapshot();
    const copy = structuredClone(before);
    applyEvent(before, draftPick(4, pick(1, "CHI", "p1"), slot(2, "WAS")));
    expect(before).toEqual(copy);
  });

  it("applies a session update's status, current pick and clock", () => {
    const result = applyEvent(snapshot(), {
      type: "session_update",
      payload: {
        session_id: SESSION,
        seq: 4,
        status: "paused",
        reason: "paused",
        current_pick: slot(1, "CHI"),
        clock: { seconds_per_pick: 60, deadline: null, remaining_ms: 12000 },
      },
    });
    expect(result.snapshot.status).toBe("paused");
    expect(result.snapshot.clock.remaining_ms).toBe(12000);
  });

  it("removes the undone pick when the server takes a pick back", () => {
    const before = snapshot({ picks: [pick(1, "CHI", "p1"), pick(2, "WAS", "p2")], current_pick: slot(3, "NE") });
    const result = applyEvent(before, {
      type: "session_update",
      payload: {
        session_id: SESSION,
        seq: 4,
        status: "running",
        reason: "pick_undone",
        current_pick: slot(2, "WAS"),
        clock: clock(null),
        undone_overall: 2,
      },
    });
    expect(result.snapshot.picks.map((p) => p.overall)).toEqual([1]);
    expect(result.snapshot.current_pick).toEqual(slot(2, "WAS"));
    expect(result.snapshot.picks.some((p) => p.player.player_id === "p2")).toBe(false);
  });

  it("falls back to the pick on the clock when an undo names no pick", () => {
    const before = snapshot({ picks: [pick(1, "CHI", "p1"), pick(2, "WAS", "p2")], current_pick: slot(3, "NE") });
    const result = applyEvent(before, {
      type: "session_update",
      payload: {
        session_id: SESSION,
        seq: 4,
        status: "running",
        reason: "pick_undone",
        current_pick: slot(2, "WAS"),
        clock: clock(null),
      },
    });
    expect(result.snapshot.picks.map((p) => p.overall)).toEqual([1]);
  });

  it("hands the pick on the clock to the new team after an executed trade", () => {
    const order = [slot(1, "NE"), slot(2, "WAS"), slot(3, "CHI")];
    const trade = {
      trade_id: "t1",
      from_team_id: "CHI",
      to_team_id: "NE",
      give: [1],
      receive: [3],
      status: "executed" as const,
    };
    const result = applyEvent(snapshot(), {
      type: "trade_executed",
      payload: { session_id: SESSION, seq: 4, trade, order },
    });
    expect(result.snapshot.order).toEqual(order);
    expect(result.snapshot.current_pick?.team_id).toBe("NE");
    expect(result.snapshot.trades).toEqual([trade]);
  });

  it("advances seq over a sequenced event it does not understand", () => {
    const result = applyEvent(snapshot(), {
      type: "other",
      payload: { session_id: SESSION, seq: 4, name: "queue_changed" },
    });
    expect(result).toMatchObject({ kind: "applied", snapshot: { seq: 4 } });
  });
});

describe("applying the missed list of a join ack", () => {
  it("applies missed events in seq order and skips the ones it already has", () => {
    const missed = [
      draftPick(5, pick(2, "WAS", "p2"), slot(3, "NE")),
      draftPick(3, pick(1, "CHI", "p0"), slot(2, "WAS")),
      draftPick(4, pick(1, "CHI", "p1"), slot(2, "WAS")),
    ];
    const result = applyMissed(snapshot(), missed);
    expect(result.kind).toBe("applied");
    expect(result.snapshot.seq).toBe(5);
    expect(result.snapshot.picks.map((p) => p.player.player_id)).toEqual(["p1", "p2"]);
  });

  it("asks for a resync when the missed list has a hole", () => {
    const result = applyMissed(snapshot(), [
      draftPick(4, pick(1, "CHI", "p1"), slot(2, "WAS")),
      draftPick(6, pick(3, "NE", "p3"), null),
    ]);
    expect(result).toMatchObject({ kind: "resync", last_seq: 4 });
  });

  it("keeps an up-to-date snapshot when nothing was missed", () => {
    const before = snapshot();
    expect(applyMissed(before, [])).toEqual({ kind: "ignored", snapshot: before });
  });

  it("parses a join ack and its missed log items", () => {
    const p = pick(1, "CHI", "p1");
    const ack = {
      ok: true,
      role: "team",
      team_id: "CHI",
      snapshot: snapshot(),
      missed: [
        {
          seq: 4,
          type: "draft_pick",
          payload: { session_id: SESSION, seq: 4, pick: p, next_pick: slot(2, "WAS"), clock: clock(null) },
          at: "2026-04-24T00:00:00Z",
        },
        { seq: 5, type: "something_new", payload: {}, at: "2026-04-24T00:00:01Z" },
      ],
    };
    const parsed = parseJoinAck(ack);
    expect(parsed?.role).toBe("team");
    expect(parsed?.missed.map((e) => e.type)).toEqual(["draft_pick", "other"]);
    expect(applyMissed(parsed!.snapshot, parsed!.missed).snapshot.seq).toBe(5);
  });

  it("drops a missed item whose payload does not match its schema", () => {
    expect(parseMissedItem({ seq: 4, type: "draft_pick", payload: { pick: "nope" }, at: "x" }, SESSION)).toBeNull();
  });
});
