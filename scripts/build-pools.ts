// Builds prisma/pools/<season>.json from nflverse's draft_picks.csv.
// Usage: npx tsx scripts/build-pools.ts [--data <dir>]
// The JSON files are committed; rerun this only when the source data changes.
import fs from "node:fs";
import path from "node:path";
import {
  BUNDLED_POOLS,
  type PoolData,
  type PoolPlayerData,
  type PoolSlotData,
  type PoolTeamData,
} from "../lib/pools/pool-data";

const SOURCE = "nflverse/nfldata draft_picks.csv (see shared/data/README.md)";
const CSV_FILE = "draft_picks_recent.csv";
const COLUMNS = ["season", "team", "round", "pick", "pfr_id", "pfr_name", "category", "position"] as const;
const CATEGORIES = new Set(["QB", "RB", "WR", "TE", "OL", "DL", "LB", "DB", "K", "P", "LS", "ATH"]);

// nflverse abbreviations as they appear in the data (LA = Rams, LV = Raiders).
const TEAM_NAMES: Record<string, string> = {
  ARI: "Arizona Cardinals",
  ATL: "Atlanta Falcons",
  BAL: "Baltimore Ravens",
  BUF: "Buffalo Bills",
  CAR: "Carolina Panthers",
  CHI: "Chicago Bears",
  CIN: "Cincinnati Bengals",
  CLE: "Cleveland Browns",
  DAL: "Dallas Cowboys",
  DEN: "Denver Broncos",
  DET: "Detroit Lions",
  GB: "Green Bay Packers",
  HOU: "Houston Texans",
  IND: "Indianapolis Colts",
  JAX: "Jacksonville Jaguars",
  KC: "Kansas City Chiefs",
  LA: "Los Angeles Rams",
  LAC: "Los Angeles Chargers",
  LV: "Las Vegas Raiders",
  MIA: "Miami Dolphins",
  MIN: "Minnesota Vikings",
  NE: "New England Patriots",
  NO: "New Orleans Saints",
  NYG: "New York Giants",
  NYJ: "New York Jets",
  PHI: "Philadelphia Eagles",
  PIT: "Pittsburgh Steelers",
  SEA: "Seattle Seahawks",
  SF: "San Francisco 49ers",
  TB: "Tampa Bay Buccaneers",
  TEN: "Tennessee Titans",
  WAS: "Washington Commanders",
};

// Washington played 2020-2021 without a nickname; the Commanders name dates from 2022.
function teamName(season: string, teamId: string): string | undefined {
  if (teamId === "WAS" && Number(season) <= 2021) return "Washington Football Team";
  return TEAM_NAMES[teamId];
}

// The source leaves these rows without side/category/position; values are public
// knowledge (team announcements, PFR). The name guards against a key drifting onto
// another player if the source is re-cut.
const POSITION_FILLS: Record<string, { name: string; position: string; category: string }> = {
  "2023:87": { name: "Ji'Ayir Brown", position: "S", category: "DB" },
  "2024:60": { name: "Cole Bishop", position: "S", category: "DB" },
  "2024:78": { name: "Calen Bullock", position: "S", category: "DB" },
  "2024:99": { name: "Kamren Kinchens", position: "S", category: "DB" },
  // Detroit drafted Vaki (a Utah safety) as a running back.
  "2024:132": { name: "Sione Vaki", position: "RB", category: "RB" },
  "2024:164": { name: "Jaylin Simpson", position: "S", category: "DB" },
  "2024:195": { name: "Ryan Watts", position: "CB", category: "DB" },
  "2024:224": { name: "Daijahn Anthony", position: "S", category: "DB" },
  "2024:242": { name: "James Williams", position: "S", category: "DB" },
  "2024:250": { name: "Sanoussi Kane", position: "S", category: "DB" },
  "2024:257": { name: "Jaylen Key", position: "S", category: "DB" },
};

type Row = Record<(typeof COLUMNS)[number], string>;

function fail(message: string): never {
  console.error(`build-pools: ${message}`);
  process.exit(1);
}

/** RFC 4180-ish: quoted fields may hold commas, newlines and "" escapes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (quoted) fail("CSV ends inside a quoted field");
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === ""));
}

function readRows(file: string): Row[] {
  const [header, ...body] = parseCsv(fs.readFileSync(file, "utf8"));
  if (!header) fail(`${file} is empty`);
  const index = new Map(header.map((name, i) => [name.trim(), i]));
  const missing = COLUMNS.filter((c) => !index.has(c));
  if (missing.length > 0) fail(`${file} lacks columns: ${missing.join(", ")}`);
  return body.map((cells, line) => {
    if (cells.length !== header.length)
      fail(`${file} line ${line + 2}: ${cells.length} fields, expected ${header.length}`);
    return Object.fromEntries(COLUMNS.map((c) => [c, (cells[index.get(c) ?? -1] ?? "").trim()])) as Row;
  });
}

function slug(name: string): string {
  return (
    "x-" +
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
  );
}

function toInt(value: string, what: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) fail(`${what}: "${value}" is not a positive integer`);
  return n;
}

interface Built {
  data: PoolData;
  filled: number;
  ath: number;
}

function buildPool(pool: string, rows: Row[]): Built {
  if (rows.length === 0) fail(`${pool}: no rows`);
  const picks = rows
    .map((r) => ({
      ...r,
      overall: toInt(r.pick, `${pool} pick`),
      roundNo: toInt(r.round, `${pool} pick ${r.pick} round`),
    }))
    .sort((a, b) => a.overall - b.overall);

  // Overall picks must be exactly 1..N: rank and the draft clock both rely on it.
  picks.forEach((p, i) => {
    if (p.overall !== i + 1) fail(`${pool}: expected overall pick ${i + 1}, found ${p.overall} (gap or duplicate)`);
  });

  const teamIds = [...new Set(picks.map((p) => p.team))].sort();
  if (teamIds.length !== 32) fail(`${pool}: expected 32 teams, found ${teamIds.length} (${teamIds.join(" ")})`);
  const teams: PoolTeamData[] = teamIds.map((id) => {
    const name = teamName(pool, id);
    if (!name) fail(`${pool}: team "${id}" is not in the full-name table`);
    return { team_id: id, name };
  });

  let filled = 0;
  let ath = 0;
  const ids = new Set<string>();
  const players: PoolPlayerData[] = picks.map((p) => {
    const key = `${pool}:${p.overall}`;
    let { position, category } = p;
    const fill = POSITION_FILLS[key];
    if (fill && (!position || !category)) {
      if (fill.name !== p.pfr_name) fail(`${key}: fill is for ${fill.name}, row is ${p.pfr_name}`);
      position ||= fill.position;
      category ||= fill.category;
      filled++;
    } else if (fill) {
      console.warn(`build-pools: ${key} ${p.pfr_name} now has a position in the source; its fill entry is unused`);
    }
    if (!position || !category) {
      console.warn(`build-pools: ${key} ${p.pfr_name} has no position/category; using ATH`);
      position ||= "ATH";
      category ||= "ATH";
      ath++;
    }
    if (!CATEGORIES.has(category)) fail(`${key} ${p.pfr_name}: unknown category "${category}"`);
    if (!p.pfr_name) fail(`${key}: empty player name`);
    const playerId = p.pfr_id || slug(p.pfr_name);
    if (ids.has(playerId)) fail(`${pool}: duplicate player_id "${playerId}" at pick ${p.overall}`);
    ids.add(playerId);
    return { player_id: playerId, name: p.pfr_name, position, category, rank: p.overall };
  });

  // Picks are sorted by overall, so a running per-round counter gives the position in round.
  const inRound = new Map<number, number>();
  const order: PoolSlotData[] = picks.map((p) => {
    const n = (inRound.get(p.roundNo) ?? 0) + 1;
    inRound.set(p.roundNo, n);
    return { overall: p.overall, round: p.roundNo, pick_in_round: n, team_id: p.team, original_team_id: p.team };
  });

  const rounds = Math.max(...picks.map((p) => p.roundNo));
  return { data: { pool, rounds, source: SOURCE, teams, players, order }, filled, ath };
}

function main(): void {
  const args = process.argv.slice(2);
  const flag = args.indexOf("--data");
  if (flag >= 0 && !args[flag + 1]) fail("--data needs a directory");
  const dataDir = flag >= 0 ? path.resolve(args[flag + 1] ?? "") : path.resolve(__dirname, "../../shared/data");
  const outDir = path.resolve(__dirname, "../prisma/pools");

  const rows = readRows(path.join(dataDir, CSV_FILE));
  fs.mkdirSync(outDir, { recursive: true });
  // Build every pool before writing any, so a bad season never leaves a half-updated set.
  const built = BUNDLED_POOLS.map((pool) =>
    buildPool(
      pool,
      rows.filter((r) => r.season === pool),
    ),
  );
  for (const { data, filled, ath } of built) {
    const pool = data.pool;
    fs.writeFileSync(path.join(outDir, `${pool}.json`), JSON.stringify(data, null, 2) + "\n");
    console.log(
      `pool ${pool}: rounds ${data.rounds}, players ${data.players.length}, teams ${data.teams.length}, ` +
        `filled positions ${filled}${ath > 0 ? ` (ATH ${ath})` : ""}`,
    );
  }
}

main();
