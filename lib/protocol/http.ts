// HTTP request bodies and queries (PROTOCOL.md, "HTTP").
import { z } from "zod";
import {
  ADMIN_ACTIONS,
  makePickSchema,
  movesSomething,
  NOTHING_TRADED,
  proposeTradeFields,
  teamIdSchema,
} from "./commands";
import { poolIdSchema } from "./pool-import";
import { playerSearchSchema } from "./pools";

export const createLeagueSchema = z.strictObject({ name: z.string().trim().min(1).max(80) });

export const TRADE_CHARTS = ["hill", "johnson", "otc", "stuart"] as const;

/** Who may take a human seat: anyone in the lobby (until its link is used), or only the holder of its link. */
export const SEAT_ACCESS = ["open", "invite"] as const;
export type SeatAccess = (typeof SEAT_ACCESS)[number];

export const createSessionSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(80),
    /** a bundled class ("2024") or one of the caller's league's imported classes ("p_…") */
    pool: poolIdSchema.default("2024"),
    rounds: z.number().int().min(1).max(7),
    seconds_per_pick: z.number().int().min(0).max(3600),
    human_teams: z.array(teamIdSchema).max(32),
    cpu_delay_ms: z.number().int().min(0).max(60000).default(1500),
    seed: z.number().int().min(-2_147_483_648).max(2_147_483_647).optional(),
    cpu_randomness: z.number().min(0).max(1).optional(),
    need_weight: z.number().min(0).max(1).optional(),
    trade_chart: z.enum(TRADE_CHARTS).optional(),
    /** CPU GMs may offer to trade up into a human seat's pick (an addition to v1; default true) */
    cpu_trade_offers: z.boolean().optional(),
    /** v2: CPU teams trade with each other during the draft, within the chart (default true) */
    cpu_trades: z.boolean().optional(),
    /** an addition: "open" (default) lets anyone take an unused human seat from the lobby; "invite" keeps each
     * seat for whoever holds its link */
    seat_access: z.enum(SEAT_ACCESS).optional(),
  })
  .refine((body) => body.seconds_per_pick === 0 || body.seconds_per_pick >= 5, {
    path: ["seconds_per_pick"],
    message: "seconds_per_pick is 0 (untimed) or 5–3600",
  })
  .refine((body) => new Set(body.human_teams).size === body.human_teams.length, {
    path: ["human_teams"],
    message: "human_teams lists a team twice",
  });
export type CreateSessionBody = z.infer<typeof createSessionSchema>;

export const claimSeatSchema = z.strictObject({ display_name: z.string().trim().min(1).max(40) });

export const sessionActionSchema = z.strictObject({ action: z.enum(ADMIN_ACTIONS) });

export const playersQuerySchema = z.object({
  available: z.enum(["true", "false"]).optional(),
  position: z.string().max(8).optional(),
  /** a case-insensitive match on name or college (v2) */
  q: playerSearchSchema.optional(),
});

export const eventsQuerySchema = z.object({
  after: z.coerce.number().int().min(0).max(2_147_483_647).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});

/** CSV is one table a file (PROTOCOL.md v2): the picks, or with table=trades the trades; JSON holds both. */
export const exportQuerySchema = z.object({
  format: z.enum(["csv", "json"]).default("json"),
  table: z.enum(["picks", "trades"]).default("picks"),
});

/** The admin console's sign-in: the key goes into an httpOnly cookie, never into the page's JS. */
export const adminSignInSchema = z.strictObject({ admin_key: z.string().min(1).max(200) });

/** An admin's pick on a team's behalf, over HTTP. */
export const adminPickSchema = makePickSchema.omit({ session_id: true });

/** A commissioner's trade between any two teams, over HTTP. */
export const adminTradeSchema = proposeTradeFields.omit({ session_id: true }).refine(movesSomething, NOTHING_TRADED);
