// GET /api/sessions/:id/results: per team, its picks, its needs (each with the
// player who filled it), board value and trades on the session's chart.
import type { Results, TeamResult } from "@/lib/protocol/results";
import { callRoute, routeHref } from "../http-client";

export type TeamResultView = TeamResult;
export type ResultsView = Results;

export const fetchResults = (sessionId: string, signal?: AbortSignal) =>
  callRoute("results", { params: { id: sessionId }, signal });

/** The draft as a file: JSON (picks and trades), or CSV, one table a file (the picks, or the trades). */
export const exportHref = (sessionId: string, format: "csv" | "json", table: "picks" | "trades" = "picks") =>
  routeHref("exportDraft", { id: sessionId }, { format, ...(format === "csv" && table === "trades" ? { table } : {}) });

/** Teams that picked, best grade first (then board value); a team without picks (a draft cut short) goes last. */
export function rankTeams(teams: readonly TeamResultView[]): TeamResultView[] {
  return [...teams].sort(
    (a, b) =>
      Number(b.picks.length > 0) - Number(a.picks.length > 0) ||
      (b.grade_score ?? 0) - (a.grade_score ?? 0) ||
      b.board_value - a.board_value ||
      a.team_id.localeCompare(b.team_id),
  );
}

/** The teams this browser drafted for first (in the results' order), then the others. */
export function splitMine(
  teams: readonly TeamResultView[],
  mine: readonly string[],
): { mine: TeamResultView[]; others: TeamResultView[] } {
  const held = new Set(mine);
  return { mine: teams.filter((t) => held.has(t.team_id)), others: teams.filter((t) => !held.has(t.team_id)) };
}
