// What the pool routes answer (PROTOCOL.md v2, "Imported draft classes"), as
// zod schemas so the browser checks them with the server's own definitions.
import { z } from "zod";
import { playerSchema, slotSchema } from "./shapes";

export const POOL_KINDS = ["bundled", "imported"] as const;
export type PoolKind = (typeof POOL_KINDS)[number];

const teamSchema = z.object({ team_id: z.string(), name: z.string() });

/** Team → position → need from 0 to 1 (canonical positions). */
export const positionNeedsSchema = z.record(z.string(), z.record(z.string(), z.number()));
export type PositionNeeds = z.infer<typeof positionNeedsSchema>;

export const poolSummarySchema = z.object({
  pool: z.string(),
  name: z.string(),
  kind: z.enum(POOL_KINDS),
  /** the league that imported it (imported pools only) */
  league_id: z.string().optional(),
  rounds: z.number().int(),
  /** how many prospects the board holds */
  players: z.number().int(),
  teams: z.array(teamSchema),
  order: z.array(slotSchema),
  /** bundled pools: the completed session of the real draft, for replay and mock-versus-real (an addition) */
  history_session_id: z.string().optional(),
  /** imported pools: when it was imported (an addition) */
  created_at: z.string().optional(),
});
export type PoolSummary = z.infer<typeof poolSummarySchema>;

/** GET /api/pools/:pool adds each club's needs by position, what the console's grid edits (an addition). */
export const poolDetailSchema = poolSummarySchema.extend({ needs: positionNeedsSchema });
export type PoolDetail = z.infer<typeof poolDetailSchema>;

/** 201 from POST /api/pools. */
export const importedPoolSchema = z.object({
  pool: z.string(),
  name: z.string(),
  league_id: z.string(),
  players: z.number().int(),
  picks: z.number().int(),
  rounds: z.number().int(),
  warnings: z.array(z.string()),
});
export type ImportedPool = z.infer<typeof importedPoolSchema>;

const issueSchema = z.object({
  path: z.union([z.string(), z.array(z.union([z.string(), z.number()]))]),
  message: z.string(),
  line: z.number().int().optional(),
});

/**
 * 200 from POST /api/pools?dry_run=true (an addition): the check itself
 * worked, so its answer is 200 either way; nothing is saved. `ok: true` says
 * what would be imported; `ok: false` carries the problems an import would get.
 */
export const poolCheckSchema = z.discriminatedUnion("ok", [
  z.object({
    dry_run: z.literal(true),
    ok: z.literal(true),
    name: z.string(),
    players: z.number().int(),
    picks: z.number().int(),
    rounds: z.number().int(),
    warnings: z.array(z.string()),
    /** the first prospects by rank, as they would be stored */
    preview: z.array(playerSchema),
    teams: z.array(teamSchema),
    needs: positionNeedsSchema,
  }),
  z.object({
    dry_run: z.literal(true),
    ok: z.literal(false),
    /** what an import would answer: the count of problems, in a sentence */
    message: z.string(),
    issues: z.array(issueSchema),
    total: z.number().int(),
  }),
]);
export type PoolCheck = z.infer<typeof poolCheckSchema>;

export const poolsQuerySchema = z.object({
  /** an addition: only bundled or only imported pools */
  kind: z.enum(POOL_KINDS).optional(),
  /** an addition: only this league's imported pools (bundled ones are listed unless kind says otherwise) */
  league_id: z.uuid().optional(),
});

/** `q=`: a case-insensitive match on a player's name or college, for a class's and a session's players alike */
export const playerSearchSchema = z.string().trim().max(80);

export const poolPlayersQuerySchema = z.object({
  q: playerSearchSchema.optional(),
  position: z.string().max(8).optional(),
});

export const poolExportQuerySchema = z.object({ format: z.enum(["csv", "json"]).default("json") });
