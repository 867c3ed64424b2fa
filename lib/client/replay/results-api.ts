// GET /api/sessions/:id/results: per team, its picks, its needs (each with the
// player who filled it), board value and trades on the session's chart.
import { z } from "zod";
import { pickSchema, sessionStatusSchema } from "@/lib/protocol/shapes";
import { fetchJson } from "../fetch-json";

const teamResultSchema = z.object({
  team_id: z.string(),
  name: z.string(),
  picks: z.array(pickSchema),
  needs: z.array(z.object({ category: z.string(), weight: z.number(), filled_by: z.string().nullable() })),
  board_value: z.number(),
  trades: z.object({
    chart: z.string(),
    count: z.number(),
    value_in: z.number(),
    value_out: z.number(),
    net: z.number(),
  }),
});
export type TeamResultView = z.infer<typeof teamResultSchema>;

const resultsSchema = z.object({
  session_id: z.string(),
  name: z.string(),
  status: sessionStatusSchema,
  teams: z.array(teamResultSchema),
});
export type ResultsView = z.infer<typeof resultsSchema>;

export const fetchResults = (sessionId: string, signal?: AbortSignal) =>
  fetchJson(resultsSchema, `/api/sessions/${encodeURIComponent(sessionId)}/results`, signal ? { signal } : {});

/** The draft as a file: JSON (picks and trades), or CSV, one table a file (the picks, or the trades). */
export const exportHref = (sessionId: string, format: "csv" | "json", table: "picks" | "trades" = "picks") =>
  `/api/sessions/${encodeURIComponent(sessionId)}/export?format=${format}${format === "csv" && table === "trades" ? "&table=trades" : ""}`;

/** Teams that picked, best board value first; a team without picks (a draft cut short) goes last. */
export function rankTeams(teams: readonly TeamResultView[]): TeamResultView[] {
  return [...teams].sort(
    (a, b) =>
      Number(b.picks.length > 0) - Number(a.picks.length > 0) ||
      b.board_value - a.board_value ||
      a.team_id.localeCompare(b.team_id),
  );
}
