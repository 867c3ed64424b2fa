// From a POST /api/pools body to the draft class it describes, or to every
// problem with it. Pure: the bundled classes it may borrow an order and needs
// from come in as references. One parse, two inputs: CSV text becomes records
// (csv-table.ts), then JSON items and CSV records meet the same schemas.
import type { NeedProfile } from "../../draft/types";
import type { ErrorIssue } from "../../protocol/errors";
import {
  DEFAULT_ORDER_FROM,
  importPoolBodySchema,
  ORDER_FIELDS,
  orderSlotSchema,
  POOL_IMPORT_LIMITS,
  PROSPECT_FIELDS,
  prospectSchema,
  type BundledPoolId,
  type ImportPoolBody,
  type OrderSlotInput,
  type Prospect,
} from "../../protocol/pool-import";
import { canonicalClub, canonicalPosition, type Position } from "../../protocol/positions";
import type { PositionNeeds } from "../../protocol/pools";
import type { Slot } from "../../protocol/shapes";
import { readCsvTable } from "./csv-table";
import { gridFromProfile, profileFromGrid, type PositionGrid } from "./position-needs";
import type { z } from "zod";

export interface ImportReferences {
  /** club id → name, for the clubs a class may seat */
  clubs: ReadonlyMap<string, string>;
  /** a bundled class's real order, every round */
  order(pool: BundledPoolId): readonly Slot[];
  /** a bundled class's club needs (profiles keyed by position group) */
  needs(pool: BundledPoolId): Readonly<Record<string, NeedProfile>>;
}

/** A prospect as stored: canonical position, a player id unique in the class. */
export type PlannedProspect = Omit<Prospect, "position"> & { player_id: string; position: Position };

export interface ImportPlan {
  name: string;
  /** best rank first */
  prospects: PlannedProspect[];
  order: Slot[];
  rounds: number;
  teams: { team_id: string; name: string }[];
  /** every seated club × every position, what the engine's profiles were made from */
  needs: PositionNeeds;
  profiles: Record<string, NeedProfile>;
  warnings: string[];
}

export type PlanResult = { ok: true; plan: ImportPlan } | { ok: false; issues: ErrorIssue[]; total: number };

/** One record to check: a JSON item (no line) or a CSV record. */
interface Item {
  path: (string | number)[];
  line?: number;
  value: unknown;
}

/** Issues in the order they are found (file order), the first POOL_IMPORT_LIMITS.issues of them kept. */
class IssueList {
  readonly kept: ErrorIssue[] = [];
  total = 0;
  add(issue: ErrorIssue): void {
    this.total++;
    if (this.kept.length < POOL_IMPORT_LIMITS.issues) this.kept.push(issue);
  }
  addAll(issues: readonly ErrorIssue[]): void {
    for (const issue of issues) this.add(issue);
  }
}

const where = (item: Item) => (item.line !== undefined ? `line ${item.line}` : `item ${String(item.path.at(-1))}`);

/** Items from the JSON array or the CSV text, whichever the body has. */
function itemsOf(
  body: ImportPoolBody,
  key: "prospects" | "order",
  fields: readonly string[],
  required: readonly string[],
  max: number,
  issues: IssueList,
  warnings: string[],
): Item[] | null {
  const json = body[key];
  if (json) return json.map((value, index) => ({ path: [key, index], value }));
  const csv = body[`${key}_csv`];
  if (csv === undefined) return null;
  const table = readCsvTable(csv, { source: `${key}_csv`, fields, required, maxRecords: max });
  issues.addAll(table.issues);
  warnings.push(...table.warnings);
  return table.records.map((record) => ({
    path: [`${key}_csv`, record.index],
    line: record.line,
    value: record.values,
  }));
}

/** Runs a record's schema; its problems join the list with the record's path and line. */
function check<S extends z.ZodType>(schema: S, item: Item, issues: IssueList): z.output<S> | null {
  const result = schema.safeParse(item.value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    issues.add({
      path: [...item.path, ...issue.path.map((part) => (typeof part === "symbol" ? String(part) : part))],
      message: issue.message,
      ...(item.line !== undefined ? { line: item.line } : {}),
    });
  }
  return null;
}

const slug = (name: string) =>
  name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 32);

function planBoard(items: Item[], issues: IssueList): PlannedProspect[] {
  const byRank = new Map<number, Item>();
  const byIdentity = new Map<string, Item>();
  const prospects: PlannedProspect[] = [];
  for (const item of items) {
    const prospect = check(prospectSchema, item, issues);
    if (!prospect) continue;
    const line = item.line !== undefined ? { line: item.line } : {};
    const sameRank = byRank.get(prospect.rank);
    if (sameRank) {
      issues.add({
        path: [...item.path, "rank"],
        message: `rank ${prospect.rank} is already taken by ${where(sameRank)}; ranks must be unique`,
        ...line,
      });
      continue;
    }
    byRank.set(prospect.rank, item);
    const identity = [prospect.name, prospect.position, prospect.college ?? ""].join("\u0000").toLowerCase();
    const twin = byIdentity.get(identity);
    if (twin) {
      issues.add({
        path: [...item.path, "name"],
        message: `${prospect.name} (${prospect.position}${prospect.college ? `, ${prospect.college}` : ""}) is listed twice: also on ${where(twin)}`,
        ...line,
      });
      continue;
    }
    byIdentity.set(identity, item);
    const position = prospect.position as Position;
    const id = slug(prospect.name);
    prospects.push({ ...prospect, position, player_id: id ? `r${prospect.rank}-${id}` : `r${prospect.rank}` });
  }
  return prospects.sort((a, b) => a.rank - b.rank);
}

/** Slots from checked rows: overall 1..N without a gap or a repeat, rounds never going back. */
function planOrder(items: Item[], issues: IssueList, source: string): Slot[] {
  const rows: { item: Item; slot: OrderSlotInput }[] = [];
  const byOverall = new Map<number, Item>();
  for (const item of items) {
    const slot = check(orderSlotSchema, item, issues);
    if (!slot) {
      // a pick whose row has another problem is still no gap
      const overall = Number((item.value as Record<string, unknown> | null)?.overall);
      if (Number.isInteger(overall) && !byOverall.has(overall)) byOverall.set(overall, item);
      continue;
    }
    const first = byOverall.get(slot.overall);
    if (first) {
      issues.add({
        path: [...item.path, "overall"],
        message: `pick ${slot.overall} is already on ${where(first)}`,
        ...(item.line !== undefined ? { line: item.line } : {}),
      });
      continue;
    }
    byOverall.set(slot.overall, item);
    rows.push({ item, slot });
  }
  rows.sort((a, b) => a.slot.overall - b.slot.overall);
  const highest = rows.at(-1)?.slot.overall ?? 0;
  const missing: number[] = [];
  for (let overall = 1; overall <= highest; overall++) if (!byOverall.has(overall)) missing.push(overall);
  if (missing.length) {
    const listed =
      missing.length > 8 ? `${missing.slice(0, 8).join(", ")} and ${missing.length - 8} more` : missing.join(", ");
    issues.add({
      path: [source],
      message: `the order has no pick${missing.length === 1 ? "" : "s"} ${listed}: overall must run from 1 to ${highest} with no gap`,
    });
  }
  const slots: Slot[] = [];
  let round = 1;
  let pickInRound = 0;
  for (const { item, slot } of rows) {
    if (slot.round < round) {
      issues.add({
        path: [...item.path, "round"],
        message: `pick ${slot.overall} is in round ${slot.round}, after a pick in round ${round}: rounds must not go back`,
        ...(item.line !== undefined ? { line: item.line } : {}),
      });
      continue;
    }
    pickInRound = slot.round === round ? pickInRound + 1 : 1;
    round = slot.round;
    slots.push({
      overall: slot.overall,
      round: slot.round,
      pick_in_round: pickInRound,
      team_id: slot.team_id,
      original_team_id: slot.original_team_id ?? slot.team_id,
    });
  }
  return slots;
}

/** Club → position → need: needs_from's clubs, with what the body sets on top. */
function planNeeds(body: ImportPoolBody, refs: ImportReferences, issues: IssueList): Record<string, PositionGrid> {
  const from = body.needs_from ?? body.order_from ?? DEFAULT_ORDER_FROM;
  const bundled = refs.needs(from);
  const grids: Record<string, PositionGrid> = {};
  for (const club of refs.clubs.keys()) grids[club] = gridFromProfile(bundled[club] ?? [], "group");
  for (const [rawTeam, positions] of Object.entries(body.needs ?? {})) {
    const team = canonicalClub(rawTeam);
    if (!team) {
      issues.add({ path: ["needs", rawTeam], message: `${JSON.stringify(rawTeam)} is not one of the 32 clubs` });
      continue;
    }
    for (const [rawPosition, value] of Object.entries(positions)) {
      const position = canonicalPosition(rawPosition);
      if (!position)
        issues.add({
          path: ["needs", rawTeam, rawPosition],
          message: `${JSON.stringify(rawPosition)} is not a position`,
        });
      else if (typeof value !== "number" || !(value >= 0 && value <= 1))
        issues.add({
          path: ["needs", rawTeam, rawPosition],
          message: `a need is a number from 0 to 1, not ${JSON.stringify(value)}`,
        });
      else (grids[team] ??= gridFromProfile([], "position"))[position] = value;
    }
  }
  return grids;
}

export function planPoolImport(input: unknown, refs: ImportReferences): PlanResult {
  const envelope = importPoolBodySchema.safeParse(input);
  if (!envelope.success) {
    const issues = envelope.error.issues.map((issue) => ({
      path: issue.path.map((part) => (typeof part === "symbol" ? String(part) : part)),
      message: issue.message,
    }));
    return { ok: false, issues: issues.slice(0, POOL_IMPORT_LIMITS.issues), total: issues.length };
  }
  const body = envelope.data;
  const issues = new IssueList();
  const warnings: string[] = [];

  const boardSource = body.prospects ? "prospects" : "prospects_csv";
  const boardItems =
    itemsOf(
      body,
      "prospects",
      PROSPECT_FIELDS,
      ["name", "position", "rank"],
      POOL_IMPORT_LIMITS.prospects,
      issues,
      warnings,
    ) ?? [];
  const prospects = planBoard(boardItems, issues);

  const orderSource = body.order ? "order" : body.order_csv !== undefined ? "order_csv" : null;
  const orderItems = itemsOf(
    body,
    "order",
    ORDER_FIELDS,
    ["overall", "round", "team_id"],
    POOL_IMPORT_LIMITS.orderSlots,
    issues,
    warnings,
  );
  const fullOrder = orderItems
    ? planOrder(orderItems, issues, orderSource ?? "order")
    : refs.order(body.order_from ?? DEFAULT_ORDER_FROM).map((slot) => ({ ...slot }));

  const orderRounds = Math.max(0, ...fullOrder.map((slot) => slot.round));
  const rounds = body.rounds ?? orderRounds;
  if (orderRounds > 0 && rounds > orderRounds)
    issues.add({
      path: ["rounds"],
      message: `the order has ${orderRounds} round${orderRounds === 1 ? "" : "s"}, so rounds can be at most ${orderRounds}`,
    });
  const order = fullOrder.filter((slot) => slot.round <= rounds);
  if (boardItems.length > 0 && boardItems.length < order.length) {
    issues.add({
      path: [boardSource],
      message: `the board has ${boardItems.length} prospects but ${rounds} round${rounds === 1 ? "" : "s"} of the order make ${order.length} picks: add prospects or draft fewer rounds`,
    });
  }

  const grids = planNeeds(body, refs, issues);
  if (issues.total > 0) return { ok: false, issues: issues.kept, total: issues.total };

  const seated = [...new Set(order.flatMap((slot) => [slot.team_id, slot.original_team_id]))].sort();
  const unseated = Object.keys(body.needs ?? {})
    .map((team) => canonicalClub(team) ?? team)
    .filter((team) => !seated.includes(team));
  if (unseated.length)
    warnings.push(
      `needs for ${unseated.join(", ")} were ignored: ${unseated.length === 1 ? "that club has" : "those clubs have"} no pick in this order`,
    );
  const needs: PositionNeeds = Object.fromEntries(
    seated.map((team) => [team, grids[team] ?? gridFromProfile([], "position")]),
  );
  return {
    ok: true,
    plan: {
      name: body.name,
      prospects,
      order,
      rounds,
      teams: seated.map((team_id) => ({ team_id, name: refs.clubs.get(team_id) ?? team_id })),
      needs,
      profiles: Object.fromEntries(seated.map((team) => [team, profileFromGrid(needs[team] ?? {})])),
      warnings,
    },
  };
}
