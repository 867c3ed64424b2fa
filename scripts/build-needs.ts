// Builds prisma/needs/<season>.json: each club's needs going into that draft,
// derived from what it actually drafted early (see prisma/needs/README.md).
// Usage: npx tsx scripts/build-needs.ts [--data <dir>]
// The JSON files are committed; rerun this when the source data or the method changes.
import fs from "node:fs";
import path from "node:path";
import type { NeedProfile } from "../lib/draft/types";
import type { NeedsData } from "../lib/pools/needs-data";
import { BUNDLED_POOLS, readBundledPools, type PoolData } from "../lib/pools/pool-data";

const CSV_FILE = "draft_picks_recent.csv";

/** Rounds whose picks say what a club needed; later rounds are mostly best-available depth. */
const NEED_ROUNDS = 3;
/** A club's first pick counts 1, its last round-3 pick half that: how early says how pressing. */
const LAST_PICK_WEIGHT = 0.5;
/**
 * Every roster carries about nine linemen on each side, ten defensive backs and
 * several receivers and linebackers, so a club that drafted none of these early
 * still has a small use for one. Final weights, not scaled with the club's picks.
 */
const BASELINE: Record<string, number> = { OL: 0.15, DL: 0.15, DB: 0.15, WR: 0.15, LB: 0.15 };

const METHOD =
  `One need per pick the club made in rounds 1-${NEED_ROUNDS} of that season's real draft, in that pick's ` +
  `category, weighted from 1 (pick 1) down to ${LAST_PICK_WEIGHT} (last pick of round ${NEED_ROUNDS}) and scaled so ` +
  `the club's top need is 1; plus a floor need of ` +
  `${Object.entries(BASELINE)
    .map(([c, w]) => `${c} ${w}`)
    .join(", ")} for each of these groups it did not draft ` +
  `early. A category listed twice is a need for two players.`;

interface DraftRow {
  season: string;
  team: string;
  round: number;
  pick: number;
  name: string;
  category: string;
}

function fail(message: string): never {
  console.error(`build-needs: ${message}`);
  process.exit(1);
}

/** One CSV line; quoted fields (none in the source today) may hold commas and "" escapes, not line breaks. */
function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted && ch === '"' && line[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') quoted = !quoted;
    else if (ch === "," && !quoted) {
      cells.push(cell);
      cell = "";
    } else cell += ch;
  }
  cells.push(cell);
  return cells.map((c) => c.trim());
}

function readRows(file: string): DraftRow[] {
  const [header, ...lines] = fs
    .readFileSync(file, "utf8")
    .split(/\r?\n/)
    .filter((line) => line.trim() !== "");
  if (!header) fail(`${file} is empty`);
  const columns = splitCsvLine(header);
  const col = (name: string) => {
    const i = columns.indexOf(name);
    if (i < 0) fail(`${file} lacks column ${name}`);
    return i;
  };
  const [season, team, round, pick, name, category] = ["season", "team", "round", "pick", "pfr_name", "category"].map(
    col,
  ) as [number, number, number, number, number, number];
  return lines.map((line) => {
    const cells = splitCsvLine(line);
    return {
      season: cells[season] ?? "",
      team: cells[team] ?? "",
      round: Number(cells[round]),
      pick: Number(cells[pick]),
      name: cells[name] ?? "",
      category: cells[category] ?? "",
    };
  });
}

/**
 * A few source rows have no category; the bundled pool (scripts/build-pools.ts)
 * already fills them from public records, so take its value, checking the name
 * so a re-cut source cannot borrow another player's position.
 */
function categoryOf(row: DraftRow, pool: PoolData): string {
  if (row.category) return row.category;
  const player = pool.players.find((p) => p.rank === row.pick);
  if (!player || player.name !== row.name)
    fail(`${row.season} pick ${row.pick} (${row.name}) has no category and no matching pool player`);
  return player.category;
}

function buildSeason(season: string, rows: DraftRow[], pool: PoolData): NeedsData {
  const early = rows.filter((row) => row.round <= NEED_ROUNDS);
  if (early.length === 0) fail(`${season}: no picks in rounds 1-${NEED_ROUNDS}`);
  const lastPick = Math.max(...early.map((row) => row.pick));
  const weightOf = (pick: number) => 1 - (1 - LAST_PICK_WEIGHT) * ((pick - 1) / Math.max(1, lastPick - 1));

  const clubs = pool.teams.map((team) => team.team_id).sort();
  const unknown = [...new Set(rows.map((row) => row.team))].filter((team) => !clubs.includes(team));
  if (unknown.length > 0) fail(`${season}: teams not in the bundled pool: ${unknown.join(" ")}`);

  const teams: Record<string, NeedProfile> = {};
  for (const club of clubs) {
    // one entry per pick, not one per category: a club that took two linemen
    // needed two, and the strategy fills its entries one pick at a time
    const drafted = early
      .filter((row) => row.team === club)
      .map((row) => ({ category: categoryOf(row, pool), weight: weightOf(row.pick) }));
    const groups = new Set(drafted.map((entry) => entry.category));
    const floors = Object.entries(BASELINE)
      .filter(([category]) => !groups.has(category))
      .map(([category, weight]) => ({ category, weight }));
    // floors stay small whatever the club's first pick was; they only set the
    // scale for a club that made no early pick at all
    const top =
      drafted.length > 0
        ? Math.max(...drafted.map((entry) => entry.weight))
        : Math.max(...floors.map((entry) => entry.weight));
    const round3 = (n: number) => Math.round(n * 1000) / 1000;
    teams[club] = [
      ...drafted.map(({ category, weight }) => ({ category, weight: round3(weight / top) })),
      ...floors.map(({ category, weight }) => ({
        category,
        weight: round3(drafted.length > 0 ? weight : weight / top),
      })),
    ].sort((a, b) => b.weight - a.weight || a.category.localeCompare(b.category));
  }
  return { pool: season, method: METHOD, teams };
}

function main(): void {
  const args = process.argv.slice(2);
  const flag = args.indexOf("--data");
  if (flag >= 0 && !args[flag + 1]) fail("--data needs a directory");
  const dataDir = flag >= 0 ? path.resolve(args[flag + 1] ?? "") : path.resolve(__dirname, "../../shared/data");
  const outDir = path.resolve(__dirname, "../prisma/needs");

  const rows = readRows(path.join(dataDir, CSV_FILE));
  const pools = new Map(readBundledPools(path.resolve(__dirname, "../prisma/pools")).map((pool) => [pool.pool, pool]));
  // Build every season before writing any, so a bad season never leaves a half-updated set.
  const built = BUNDLED_POOLS.map((season) => {
    const pool = pools.get(season) ?? fail(`no bundled pool ${season}`);
    return buildSeason(
      season,
      rows.filter((row) => row.season === season),
      pool,
    );
  });
  fs.mkdirSync(outDir, { recursive: true });
  for (const data of built) {
    fs.writeFileSync(path.join(outDir, `${data.pool}.json`), JSON.stringify(data, null, 2) + "\n");
    const tops = Object.values(data.teams).map((profile) => profile[0]?.category ?? "-");
    const counts = [...new Set(tops)].sort().map((c) => `${c} ${tops.filter((t) => t === c).length}`);
    console.log(`needs ${data.pool}: ${Object.keys(data.teams).length} clubs; top needs ${counts.join(", ")}`);
  }
}

main();
