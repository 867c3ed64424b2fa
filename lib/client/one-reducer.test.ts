// The server, the browser's room and the replay fold the same events with one
// reducer, so they end on the same board: checked over a draft the real engine
// makes, with a trade, an undo, a pause and a rejected offer in it.
import { decide, type Outcome } from "@/lib/draft/engine";
import type { Decision } from "@/lib/draft/errors";
import { foldEvents, initialState } from "@/lib/draft/reducer";
import { toSnapshot } from "@/lib/draft/snapshot";
import { smallConfig } from "@/lib/draft/test-fixtures";
import type { DraftCommand, DraftEvent, DraftState } from "@/lib/draft/types";
import { applyMissed } from "./draft-state";
import { buildFrames } from "./replay/replay-timeline";
import type { RoomEvent } from "./room-events";

const T0 = Date.parse("2026-04-24T20:00:00.000Z");

function must(decision: Decision<Outcome>): Outcome {
  if (!decision.ok) throw new Error(`rejected: ${decision.rejection.code} ${decision.rejection.message}`);
  return decision.value;
}

const pick = (teamId: string, playerId: string): DraftCommand => ({
  type: "make_pick",
  actor: { kind: "team", teamId },
  teamId,
  playerId,
});
const offer = (tradeId: string, from: string, to: string, give: number[], receive: number[]): DraftCommand => ({
  type: "propose_trade",
  actor: { kind: "team", teamId: from },
  tradeId,
  fromTeamId: from,
  toTeamId: to,
  give,
  receive,
});
const answer = (tradeId: string, teamId: string, accept: boolean): DraftCommand => ({
  type: "respond_trade",
  actor: { kind: "team", teamId },
  tradeId,
  accept,
});

// small pool order: 1 KC, 2 NYJ, 3 BUF, 4 MIA, 5 KC, 6 KC, … ; KC and NYJ are people
const TRADE_A = "00000000-0000-4000-8000-00000000000a";
const TRADE_B = "00000000-0000-4000-8000-00000000000b";
const SCRIPT: DraftCommand[] = [
  { type: "start" },
  pick("KC", "p1"),
  offer(TRADE_A, "KC", "NYJ", [5, 6], [2]),
  answer(TRADE_A, "NYJ", true),
  pick("KC", "p2"),
  offer(TRADE_B, "NYJ", "KC", [10], [9]),
  answer(TRADE_B, "KC", false),
  { type: "tick" }, // BUF and MIA, the CPU seats, pick
  { type: "undo_last_pick" },
  { type: "pause" },
  { type: "resume" },
  { type: "force_autopick" },
];

function playScript(): { start: DraftState; events: DraftEvent[]; end: DraftState } {
  const start = initialState(smallConfig({ cpuDelayMs: 0 }));
  let state = start;
  const events: DraftEvent[] = [];
  for (const command of SCRIPT) {
    const outcome = must(decide(state, command, T0 + 60_000));
    events.push(...outcome.events);
    state = outcome.state;
  }
  return { start, events, end: state };
}

const boardOf = (b: Pick<DraftState, "seq" | "status" | "order" | "picks" | "trades">) => ({
  seq: b.seq,
  status: b.status,
  order: b.order,
  picks: b.picks,
  trades: b.trades,
});

describe("one reducer for server, room and replay", () => {
  const { start, events, end } = playScript();

  test("the script made every kind of board change", () => {
    const kinds = new Set(events.map((e) => (e.type === "session_update" ? e.payload.reason : e.type)));
    for (const kind of ["started", "draft_pick", "trade_executed", "trade_rejected", "pick_undone", "paused"]) {
      expect(kinds).toContain(kind);
    }
  });

  test("the browser's room ends on the server's board", () => {
    const roomEvents = events.map(({ type, payload }) => ({ type, payload }) as RoomEvent);
    const result = applyMissed(toSnapshot(start, T0), roomEvents);
    expect(result.kind).toBe("applied");
    expect(boardOf(result.snapshot)).toEqual(boardOf(end));
    expect(boardOf(foldEvents(start, events))).toEqual(boardOf(end));
  });

  test("the replay's last frame is the server's board", () => {
    const log = events.map(({ seq, type, payload, at }) => ({ seq, type, payload, at }));
    const frames = buildFrames(end.order, log);
    const last = frames[frames.length - 1]!;
    expect({ picks: last.picks, order: last.order, status: last.status }).toEqual({
      picks: end.picks,
      order: end.order,
      status: end.status,
    });
  });
});
