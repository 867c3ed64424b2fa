// Small derived facts about a room the panels share, kept pure so they are
// easy to test: whose turn, how soon is mine, which picks can still be traded.
import { DEFAULT_TRADE_CHART } from "@/lib/draft/trade-value";
import type { Slot, Snapshot, Trade } from "@/lib/protocol/shapes";

/** Picks until `teamId` is next on the clock: 0 means now; null when it has no pick left. */
export function picksUntil(snapshot: Snapshot, teamId: string): { in: number; slot: Slot } | null {
  const current = snapshot.current_pick;
  if (!current || snapshot.status === "complete") return null;
  const next = snapshot.order.find((slot) => slot.overall >= current.overall && slot.team_id === teamId);
  return next ? { in: next.overall - current.overall, slot: next } : null;
}

/** A team's picks that have not been used yet, in order: what it can still trade. */
export function tradablePicks(snapshot: Snapshot, teamId: string): Slot[] {
  const used = new Set(snapshot.picks.map((p) => p.overall));
  return snapshot.order.filter((slot) => slot.team_id === teamId && !used.has(slot.overall));
}

/** Offers waiting for this team's answer. */
export function incomingOffers(snapshot: Snapshot, teamId: string | null): Trade[] {
  if (!teamId) return [];
  return snapshot.trades.filter((t) => t.status === "pending" && t.to_team_id === teamId);
}

/** The session's trade chart as the server reports it on trades; the server's default until a trade shows it. */
export function chartOfSnapshot(snapshot: Snapshot): string {
  return snapshot.trade_chart ?? snapshot.trades.find((t) => t.value)?.value?.chart ?? DEFAULT_TRADE_CHART;
}
