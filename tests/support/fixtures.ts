import type { CreateSessionBody } from "../../lib/protocol/http";
import type { WarRoom } from "../../lib/server/warroom";

export async function createDraft(warroom: WarRoom, overrides: Partial<CreateSessionBody> = {}) {
  const league = await warroom.access.createLeague("Test league");
  const body: CreateSessionBody = {
    name: "Test draft",
    pool: "2024",
    rounds: 2,
    seconds_per_pick: 0,
    human_teams: ["CHI", "WAS"],
    cpu_delay_ms: 0,
    // CPU trade-up calls and CPU-to-CPU trades are tested on their own; elsewhere they would add events
    cpu_trade_offers: false,
    cpu_trades: false,
    ...overrides,
  };
  const session = await warroom.setup.createSession(league.league_id, body);
  const seat = (team: string) => session.seats.find((s) => s.team_id === team)?.token;
  return { adminKey: league.admin_key, sessionId: session.session_id, seats: session.seats, seat };
}

/** A clock tests move by hand: timers fire only when advance() passes them. */
export function createFakeClock(start = Date.parse("2026-04-25T00:00:00Z")) {
  let now = start;
  let nextId = 1;
  const timers = new Map<number, { at: number; callback: () => void }>();
  return {
    now: () => now,
    setTimeout(callback: () => void, ms: number) {
      const id = nextId++;
      timers.set(id, { at: now + Math.max(0, ms), callback });
      return id;
    },
    clearTimeout(handle: unknown) {
      timers.delete(handle as number);
    },
    /** moves time forward, firing due timers in time order */
    advance(ms: number) {
      const target = now + ms;
      for (;;) {
        const due = [...timers.entries()].filter(([, t]) => t.at <= target).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = Math.max(now, due[1].at);
        due[1].callback();
      }
      now = target;
    },
  };
}
