// The body of POST /api/pools (PROTOCOL.md v2, "Imported draft classes"): one
// schema for a prospect and one for an order slot, the same for a JSON item and
// a CSV record, so both inputs are held to the same rules with the same words.
import { z } from "zod";
import { lookupField, optionalNumber, optionalText, readHeight, requiredNumber, requiredText } from "./cells";
import { canonicalClub, canonicalPosition, POSITIONS } from "./positions";

/** The draft classes WarRoom ships: their real order and club needs can seed an import. */
export const BUNDLED_POOL_IDS = ["2021", "2022", "2023", "2024"] as const;
export type BundledPoolId = (typeof BUNDLED_POOL_IDS)[number];
export const DEFAULT_ORDER_FROM: BundledPoolId = "2024";

/** An imported pool's id: the server's choice, "p_" and random letters and digits. */
export const IMPORTED_POOL_ID = /^p_[a-z0-9]{6,32}$/;
/** A draft class id as routes take it: a year (a bundled class; an unknown year is 404, not 400) or an imported class's id. */
export const poolIdSchema = z
  .string()
  .regex(/^(\d{4}|p_[a-z0-9]{6,32})$/, "a draft class id is a year such as 2024, or an imported class's p_… id");

export const POOL_IMPORT_LIMITS = {
  /** this route alone reads bodies this large; every other route keeps 64 KiB */
  bodyBytes: 1024 * 1024,
  prospects: 2000,
  orderSlots: 1000,
  /** problems listed in one answer; there may be more */
  issues: 100,
  rounds: 7,
} as const;

const positionList = POSITIONS.join(" ");

export const prospectSchema = z.strictObject(
  {
    name: requiredText("name", 80),
    position: lookupField(
      "position",
      canonicalPosition,
      `is not a position: use one of ${positionList} (or an alias such as DE, OLB, G)`,
    ).required,
    rank: requiredNumber("rank", { min: 1, max: 1_000_000, integer: true, hint: "a whole number of 1 or more" }),
    college: optionalText("college", 80),
    grade: optionalNumber("grade", { min: 0, max: 100 }),
    height_in: optionalNumber("height_in", {
      min: 60,
      max: 90,
      read: readHeight,
      hint: "inches from 60 to 90 (or feet-inches such as 6-2)",
    }),
    weight_lb: optionalNumber("weight_lb", { min: 150, max: 400 }),
    forty: optionalNumber("forty", { min: 4, max: 6.5, hint: "seconds from 4.0 to 6.5" }),
    notes: optionalText("notes", 500),
  },
  {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.join(", ")}`
        : undefined,
  },
);
export type Prospect = z.output<typeof prospectSchema>;
export const PROSPECT_FIELDS = Object.keys(prospectSchema.shape) as (keyof Prospect)[];

const club = (label: string) => `is not one of the 32 clubs (use ${label} as in ARI, LA, WAS)`;
export const orderSlotSchema = z.strictObject(
  {
    overall: requiredNumber("overall", { min: 1, max: POOL_IMPORT_LIMITS.orderSlots, integer: true }),
    round: requiredNumber("round", { min: 1, max: POOL_IMPORT_LIMITS.rounds, integer: true }),
    team_id: lookupField("team_id", canonicalClub, club("team_id")).required,
    original_team_id: lookupField("original_team_id", canonicalClub, club("original_team_id")).optional,
  },
  {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.join(", ")}`
        : undefined,
  },
);
export type OrderSlotInput = z.output<typeof orderSlotSchema>;
export const ORDER_FIELDS = Object.keys(orderSlotSchema.shape) as (keyof OrderSlotInput)[];

/**
 * Other header names boards use for the same columns (an addition to the
 * contract, whose names are the field names): lower-case, spaces as underscores.
 */
export const COLUMN_ALIASES: Readonly<Record<string, string>> = {
  player: "name",
  player_name: "name",
  pos: "position",
  school: "college",
  height: "height_in",
  ht: "height_in",
  weight: "weight_lb",
  wt: "weight_lb",
  "40": "forty",
  "40_time": "forty",
  forty_time: "forty",
  pick: "overall",
  team: "team_id",
  original_team: "original_team_id",
};

const bundledPool = z.enum(BUNDLED_POOL_IDS, {
  error: `must be a bundled draft class: ${BUNDLED_POOL_IDS.join(", ")}`,
});

/**
 * The envelope. Items and CSV text are checked one record at a time afterwards
 * (lib/pools/import), so every problem is reported with its own index or line.
 */
export const importPoolBodySchema = z
  .strictObject({
    name: z
      .string({ error: "name must be text" })
      .trim()
      .min(1, "name is missing")
      .max(80, "name is longer than 80 characters"),
    prospects: z
      .array(z.unknown())
      .min(1, "prospects is empty")
      .max(POOL_IMPORT_LIMITS.prospects, `at most ${POOL_IMPORT_LIMITS.prospects} prospects`)
      .optional(),
    prospects_csv: z.string({ error: "prospects_csv must be the CSV file's text" }).optional(),
    order: z
      .array(z.unknown())
      .min(1, "order is empty")
      .max(POOL_IMPORT_LIMITS.orderSlots, `at most ${POOL_IMPORT_LIMITS.orderSlots} picks`)
      .optional(),
    order_csv: z.string({ error: "order_csv must be the CSV file's text" }).optional(),
    order_from: bundledPool.optional(),
    rounds: z
      .number({ error: "rounds must be a whole number from 1 to 7" })
      .int("rounds must be a whole number from 1 to 7")
      .min(1, "rounds must be 1 to 7")
      .max(7, "rounds must be 1 to 7")
      .optional(),
    needs: z
      .record(z.string(), z.record(z.string(), z.unknown(), { error: "each team's needs are { position: 0–1 }" }), {
        error: "needs is { team_id: { position: 0–1 } }",
      })
      .optional(),
    needs_from: bundledPool.optional(),
  })
  .superRefine((body, ctx) => {
    const boards = Number(body.prospects !== undefined) + Number(body.prospects_csv !== undefined);
    if (boards !== 1)
      ctx.addIssue({
        code: "custom",
        path: ["prospects"],
        message: boards
          ? "send prospects or prospects_csv, not both"
          : "the board is missing: send prospects or prospects_csv",
      });
    if (body.order !== undefined && body.order_csv !== undefined)
      ctx.addIssue({ code: "custom", path: ["order"], message: "send order or order_csv, not both" });
  });
export type ImportPoolBody = z.output<typeof importPoolBodySchema>;

/** POST /api/pools?dry_run=true checks a body and saves nothing. */
export const importQuerySchema = z.object({ dry_run: z.enum(["true", "false", "1", "0"]).optional() });
