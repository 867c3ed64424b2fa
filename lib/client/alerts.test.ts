import type { Slot, Snapshot } from "@/lib/protocol/shapes";
import { alertTitle, newAlerts, roomAlerts } from "./alerts";

const slot = (overall: number, team_id: string): Slot => ({
  overall,
  round: 1,
  pick_in_round: overall,
  team_id,
  original_team_id: team_id,
});
const names = new Map([
  ["CHI", "Chicago Bears"],
  ["NE", "New England Patriots"],
  ["WAS", "Washington Commanders"],
]);
const room: Snapshot = {
  session_id: "s",
  name: "Room",
  status: "running",
  seq: 3,
  rounds: 1,
  current_pick: slot(2, "WAS"),
  clock: { seconds_per_pick: 0, deadline: null, remaining_ms: null },
  teams: [],
  order: [slot(1, "CHI"), slot(2, "WAS"), slot(3, "NE"), slot(4, "CHI")],
  picks: [],
  trades: [
    { trade_id: "t1", from_team_id: "NE", to_team_id: "CHI", give: [3], receive: [4], status: "pending" },
    { trade_id: "t2", from_team_id: "NE", to_team_id: "CHI", give: [3], receive: [4], status: "rejected" },
    { trade_id: "t3", from_team_id: "CHI", to_team_id: "NE", give: [4], receive: [3], status: "pending" },
  ],
};

describe("room alerts", () => {
  it("says a held seat is on the clock, naming the pick", () => {
    const [alert] = roomAlerts(room, ["WAS"], names);
    expect(alert).toMatchObject({ kind: "on_the_clock", key: "clock:2", title: "On the clock · #2" });
    expect(alert?.body).toBe("Washington Commanders is on the clock with pick #2 (round 1).");
  });

  it("stays quiet for a team that is not on the clock, and while paused or not started", () => {
    const quiet = { ...room, trades: [] };
    expect(roomAlerts(quiet, ["NE"], names)).toEqual([]);
    expect(roomAlerts({ ...quiet, status: "paused" }, ["WAS"], names)).toEqual([]);
    expect(roomAlerts({ ...quiet, status: "lobby" }, ["WAS"], names)).toEqual([]);
    expect(roomAlerts(room, [], names)).toEqual([]);
  });

  it("raises one alert per pending offer addressed to a held seat, not for offers it sent or closed ones", () => {
    const alerts = roomAlerts(room, ["CHI"], names);
    expect(alerts.map((a) => a.key)).toEqual(["offer:t1"]);
    expect(alerts[0]?.body).toBe("New England Patriots sent Chicago Bears a trade offer.");
  });

  it("covers every seat a solo mock holds, the clock first", () => {
    expect(roomAlerts(room, ["CHI", "WAS"], names).map((a) => a.key)).toEqual(["clock:2", "offer:t1"]);
  });

  it("puts the clock and the offer count in the tab title, and the plain title back when nothing stands", () => {
    const alerts = roomAlerts(room, ["CHI", "WAS"], names);
    expect(alertTitle(alerts, "Draft room · WarRoom")).toBe(
      "⏰ On the clock · #2 · 1 trade offer — Draft room · WarRoom",
    );
    expect(alertTitle([], "Draft room · WarRoom")).toBe("Draft room · WarRoom");
  });

  it("fires only for alerts not seen before", () => {
    const alerts = roomAlerts(room, ["CHI", "WAS"], names);
    expect(newAlerts(alerts, new Set(["clock:2"])).map((a) => a.key)).toEqual(["offer:t1"]);
  });
});
