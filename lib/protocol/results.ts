// GET /api/sessions/:id/results: per team its picks, its needs (each with the
// player who filled it), its value against the board and its trades on the
// session's chart. The engine builds it (lib/draft/results.ts), the results
// page reads it.
import { z } from "zod";
import { CONTROLLERS, futurePickSchema, pickSchema, sessionStatusSchema } from "./shapes";

/** Grades, best first (lib/draft/grades.ts; the README says how they are computed). */
export const GRADES = ["A+", "A", "A-", "B+", "B", "B-", "C+", "C", "C-", "D+", "D", "D-", "F"] as const;
export const gradeSchema = z.enum(GRADES);

/** A pick in the results (v2): `value_vs_board` = overall − the player's board rank; positive is a steal, negative a reach. */
export const resultPickSchema = pickSchema.extend({ value_vs_board: z.number().int() });
export type ResultPick = z.infer<typeof resultPickSchema>;

export const teamResultSchema = z.object({
  team_id: z.string(),
  name: z.string(),
  /** an addition: who drafted for the club, a person ("human") or a CPU GM */
  controller: z.enum(CONTROLLERS),
  /** v2: every team that made a pick has one; a team without picks has none */
  grade: gradeSchema.optional(),
  /** an addition: the points the grade is read from (97+ is A+ … below 60 is F), one decimal */
  grade_score: z.number().optional(),
  picks: z.array(resultPickSchema),
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
  /** an addition (v2): future picks that changed hands, from this team's side (absent in older answers) */
  future_picks: z.object({ gained: z.array(futurePickSchema), traded_away: z.array(futurePickSchema) }).optional(),
});
export type TeamResult = z.infer<typeof teamResultSchema>;

export const resultsSchema = z.object({
  session_id: z.string(),
  name: z.string(),
  status: sessionStatusSchema,
  teams: z.array(teamResultSchema),
});
export type Results = z.infer<typeof resultsSchema>;
