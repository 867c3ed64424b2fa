// What the pick clock shows. The deadline is the server's; `serverOffsetMs`
// (server time minus local time, measured with `ping`) corrects a browser whose
// own clock is off, so every screen counts down to the same instant.
import type { Clock, SessionStatus } from "@/lib/protocol/shapes";

/** ms left on the clock at local time `now`; null when the draft is untimed or the time is unknown. */
export function remainingMs(clock: Clock, status: SessionStatus, now: number, serverOffsetMs: number): number | null {
  if (clock.seconds_per_pick === 0) return null;
  if (status === "running" && clock.deadline) {
    const deadline = Date.parse(clock.deadline);
    if (!Number.isNaN(deadline)) return Math.max(0, deadline - (now + serverOffsetMs));
  }
  // paused (or not started): the server reports what is left, frozen
  return clock.remaining_ms;
}

/** m:ss, rounding up so "0:00" appears only when the time is really up. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(total / 60)}:${(total % 60).toString().padStart(2, "0")}`;
}
