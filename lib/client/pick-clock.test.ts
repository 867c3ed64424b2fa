import type { Clock } from "@/lib/protocol/shapes";
import { formatClock, remainingMs } from "./pick-clock";

const deadline = "2026-04-24T00:01:00.000Z";
const at = (iso: string) => Date.parse(iso);
const running: Clock = { seconds_per_pick: 60, deadline, remaining_ms: 60000 };

describe("pick clock", () => {
  it("counts down to the server's deadline", () => {
    expect(remainingMs(running, "running", at("2026-04-24T00:00:45.000Z"), 0)).toBe(15000);
  });

  it("corrects a local clock that runs behind the server", () => {
    // the browser thinks it is 00:00:40 but the server is 5 s ahead
    expect(remainingMs(running, "running", at("2026-04-24T00:00:40.000Z"), 5000)).toBe(15000);
  });

  it("never shows negative time after the deadline", () => {
    expect(remainingMs(running, "running", at("2026-04-24T00:02:00.000Z"), 0)).toBe(0);
  });

  it("shows the frozen remaining time while paused", () => {
    expect(remainingMs({ seconds_per_pick: 60, deadline: null, remaining_ms: 12000 }, "paused", 0, 0)).toBe(12000);
  });

  it("has no time for an untimed draft", () => {
    expect(remainingMs({ seconds_per_pick: 0, deadline: null, remaining_ms: null }, "running", 0, 0)).toBeNull();
  });

  it("formats minutes and seconds, rounding up", () => {
    expect([formatClock(90_000), formatClock(59_001), formatClock(0), formatClock(-5)]).toEqual([
      "1:30",
      "1:00",
      "0:00",
      "0:00",
    ]);
  });
});
