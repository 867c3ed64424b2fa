import type { Slot, Snapshot } from "@/lib/protocol/shapes";
import { incomingOffers, picksUntil, tradablePicks, yourPickLine } from "./room-view";

const slot = (overall: number, team_id: string): Slot => ({
  overall,
  round: 1,
  pick_in_round: overall,
  team_id,
  original_team_id: team_id,
});
const base: Snapshot = {
  session_id: "s",
  name: "Room",
  status: "running",
  seq: 3,
  rounds: 1,
  current_pick: slot(2, "WAS"),
  clock: { seconds_per_pick: 0, deadline: null, remaining_ms: null },
  teams: [],
  order: [slot(1, "CHI"), slot(2, "WAS"), slot(3, "NE"), slot(4, "CHI")],
  picks: [
    {
      ...slot(1, "CHI"),
      player: { player_id: "p1", name: "A", position: "QB", rank: 1 },
      auto: false,
      made_at: "2026-04-24T00:00:00Z",
    },
  ],
  trades: [
    { trade_id: "t1", from_team_id: "NE", to_team_id: "CHI", give: [3], receive: [4], status: "pending" },
    { trade_id: "t2", from_team_id: "NE", to_team_id: "CHI", give: [3], receive: [4], status: "rejected" },
  ],
};

describe("room view", () => {
  it("counts the picks until a team is next on the clock", () => {
    expect(picksUntil(base, "CHI")?.in).toBe(2);
    expect(picksUntil(base, "WAS")?.in).toBe(0);
    expect(picksUntil(base, "KC")).toBeNull();
  });

  it("lists only the unused picks of a team as tradable", () => {
    expect(tradablePicks(base, "CHI").map((s) => s.overall)).toEqual([4]);
  });

  it("lists pending offers addressed to the team", () => {
    expect(incomingOffers(base, "CHI").map((t) => t.trade_id)).toEqual(["t1"]);
    expect(incomingOffers(base, null)).toEqual([]);
  });
});

describe("your pick line", () => {
  const lobby: Snapshot = { ...base, status: "lobby", current_pick: null, picks: [] };

  it("before the start lists the picks the seat holds, not 'No picks left'", () => {
    expect(yourPickLine(lobby, "CHI")).toBe("Your picks: #1, #4");
    expect(yourPickLine(lobby, "NE")).toBe("Your picks: #3");
    expect(yourPickLine(lobby, "KC")).toBe("You hold no picks");
  });

  it("lists three picks and counts the rest", () => {
    const order = Array.from({ length: 7 }, (_, i) => slot(i * 10 + 1, "CHI"));
    expect(yourPickLine({ ...lobby, order }, "CHI")).toBe("Your picks: #1, #11, #21 +4 more");
  });

  it("while paused tells the team on the clock so, never 'in 0'", () => {
    const paused: Snapshot = { ...base, status: "paused" };
    expect(yourPickLine(paused, "WAS")).toBe("You are on the clock (#2) · paused");
    expect(yourPickLine(paused, "CHI")).toBe("Your pick is in 2 (#4) · paused");
  });

  it("while running says now, or how many picks until the seat's turn", () => {
    expect(yourPickLine(base, "WAS")).toBe("It is your pick now");
    expect(yourPickLine(base, "CHI")).toBe("Your pick is in 2 (#4)");
    expect(yourPickLine({ ...base, current_pick: slot(4, "CHI") }, "NE")).toBe("No picks left");
  });

  it("says the draft is complete when it is", () => {
    expect(yourPickLine({ ...base, status: "complete", current_pick: null }, "CHI")).toBe("The draft is complete");
  });
});
