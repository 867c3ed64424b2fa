// GET /api/sessions/:id/results: per team its picks, its needs (each with the
// player who filled it), its value against the board and its trades on the
// session's chart. The engine builds it (lib/draft/results.ts), the results
// page reads it.
import { z } from "zod";
import { pickSchema, sessionStatusSchema } from "./shapes";

export const teamResultSchema = z.object({
  team_id: z.string(),
  name: z.string(),
  picks: z.array(pickSchema),
  /** the club's needs going in (a need may repeat: "two OL"), each with the player who filled it */
  needs: z.array(z.object({ category: z.string(), weight: z.number(), filled_by: z.string().nullable() })),
  /** Σ (pick number − player's rank): positive when players came later than their board rank */
  board_value: z.number(),
  /** executed trades on the session's chart, from this team's side */
  trades: z.object({
    chart: z.string(),
    count: z.number(),
    value_in: z.number(),
    value_out: z.number(),
    net: z.number(),
  }),
});
export type TeamResult = z.infer<typeof teamResultSchema>;

export const resultsSchema = z.object({
  session_id: z.string(),
  name: z.string(),
  status: sessionStatusSchema,
  teams: z.array(teamResultSchema),
});
export type Results = z.infer<typeof resultsSchema>;
