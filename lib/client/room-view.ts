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

/** How many of a team's pick numbers "Your picks: …" lists before it says how many more. */
const LISTED_PICKS = 3;

/**
 * The seat's one line about its own picks, for the moment the room is in:
 * before the start the picks it holds, on the clock "now" (or "paused"), else
 * how many picks until its turn. Never "No picks left" for a seat that has some.
 */
export function yourPickLine(snapshot: Snapshot, teamId: string): string {
  const used = new Set(snapshot.picks.map((p) => p.overall));
  const left = snapshot.order.filter((slot) => slot.team_id === teamId && !used.has(slot.overall));
  if (snapshot.status === "complete") return "The draft is complete";
  if (snapshot.status === "lobby" || !snapshot.current_pick) {
    if (left.length === 0) return "You hold no picks";
    const listed = left.slice(0, LISTED_PICKS).map((slot) => `#${slot.overall}`);
    const more = left.length > LISTED_PICKS ? ` +${left.length - LISTED_PICKS} more` : "";
    return `Your picks: ${listed.join(", ")}${more}`;
  }
  const mine = picksUntil(snapshot, teamId);
  if (!mine) return "No picks left";
  const paused = snapshot.status === "paused" ? " · paused" : "";
  if (mine.in === 0)
    return snapshot.status === "paused"
      ? `You are on the clock (#${mine.slot.overall})${paused}`
      : "It is your pick now";
  return `Your pick is in ${mine.in} (#${mine.slot.overall})${paused}`;
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
