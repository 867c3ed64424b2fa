import type { DraftPick, Slot } from "@/lib/protocol/shapes";
import { buildFrames, frameIndexForPick, initialOrder, type LogItem } from "./replay-timeline";

const slot = (overall: number, team: string, original = team): Slot => ({
  overall,
  round: 1,
  pick_in_round: overall,
  team_id: team,
  original_team_id: original,
});
const pick = (overall: number, team: string): DraftPick => ({
  overall,
  round: 1,
  pick_in_round: overall,
  team_id: team,
  player: { player_id: `p${overall}`, name: `Player ${overall}`, position: "QB", rank: overall },
  auto: false,
  made_at: "2026-01-01T00:00:00Z",
});
const clock = { seconds_per_pick: 0, deadline: null, remaining_ms: null };
const at = "2026-01-01T00:00:00Z";

// CHI gives #1 to WAS for #2 before the draft starts; later pick 2 is undone and made again
const before = [slot(1, "CHI"), slot(2, "WAS"), slot(3, "NE")];
const after = [slot(1, "WAS", "CHI"), slot(2, "CHI", "WAS"), slot(3, "NE")];
const log: LogItem[] = [
  {
    seq: 1,
    type: "session_update",
    payload: { status: "running", reason: "started", current_pick: before[0], clock },
    at,
  },
  {
    seq: 2,
    type: "trade_executed",
    payload: {
      trade: { trade_id: "t", from_team_id: "CHI", to_team_id: "WAS", give: [1], receive: [2], status: "executed" },
      order: after,
    },
    at,
  },
  { seq: 3, type: "draft_pick", payload: { pick: pick(1, "WAS"), next_pick: after[1], clock }, at },
  { seq: 4, type: "draft_pick", payload: { pick: pick(2, "CHI"), next_pick: after[2], clock }, at },
  {
    seq: 5,
    type: "session_update",
    payload: { status: "paused", reason: "paused", current_pick: after[2], clock },
    at,
  },
  {
    seq: 6,
    type: "session_update",
    payload: { status: "paused", reason: "pick_undone", current_pick: after[1], clock, undone_overall: 2 },
    at,
  },
  {
    seq: 7,
    type: "session_update",
    payload: { status: "running", reason: "resumed", current_pick: after[1], clock },
    at,
  },
  { seq: 8, type: "draft_pick", payload: { pick: pick(2, "CHI"), next_pick: after[2], clock }, at },
  { seq: 9, type: "draft_pick", payload: { pick: pick(3, "NE"), next_pick: null, clock }, at },
  {
    seq: 10,
    type: "session_update",
    payload: { status: "complete", reason: "completed", current_pick: null, clock },
    at,
  },
];

describe("replay timeline", () => {
  test("recovers the order before the first trade", () => {
    expect(initialOrder(after, log)).toEqual(before);
  });

  test("folds the log into one frame per board change and ends on the final board", () => {
    const frames = buildFrames(after, log);
    expect(frames.map((f) => f.cause.kind)).toEqual(["start", "trade", "pick", "pick", "undo", "pick", "pick"]);
    expect(frames[0]!.order).toEqual(before);
    const end = frames.at(-1)!;
    expect(end.picks.map((p) => p.overall)).toEqual([1, 2, 3]);
    expect(end.order).toEqual(after);
    expect(end.status).toBe("complete");
    expect(end.current_overall).toBeNull();
    expect(frames[4]!.picks.map((p) => p.overall)).toEqual([1]);
  });

  test("a pick's deep link lands where exactly that many picks are on the board", () => {
    const frames = buildFrames(after, log);
    expect(frames[frameIndexForPick(frames, 2)]!.picks).toHaveLength(2);
    expect(frameIndexForPick(frames, 2)).toBe(5); // the re-made pick, not the undone one
    expect(frameIndexForPick(frames, 0)).toBe(0);
  });
});
