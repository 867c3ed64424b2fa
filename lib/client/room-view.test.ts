import type { Slot, Snapshot } from "@/lib/protocol/shapes";
import { incomingOffers, picksUntil, tradablePicks } from "./room-view";

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
