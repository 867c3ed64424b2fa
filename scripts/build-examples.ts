// Writes examples/board.csv (a made-up 420-prospect board: invented names,
// seeded, nothing copied from any published board) and examples/order.csv
// (the real 2024 draft order from the bundled class, traded picks included).
// Run with `npm run examples`; the output is committed and the tests import it.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { stringify } from "csv-stringify/sync";
import { readBundledPools } from "../lib/pools/pool-data";
import type { Position } from "../lib/protocol/positions";

const OUT = path.join(process.cwd(), "examples");
const BOARD_SIZE = 420;

/** mulberry32: a small seeded generator, so the board is the same on every run */
function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = seeded(2026);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const normal = () => Math.sqrt(-2 * Math.log(random() || 1e-9)) * Math.cos(2 * Math.PI * random());

/** How many of each position, and how early the position tends to go (a premium on the sort). */
const MIX: Record<Position, { count: number; premium: number; height: number; weight: number; forty: number | null }> =
  {
    QB: { count: 22, premium: 0.35, height: 75, weight: 220, forty: 4.8 },
    RB: { count: 33, premium: -0.05, height: 70, weight: 212, forty: 4.5 },
    FB: { count: 3, premium: -0.6, height: 72, weight: 242, forty: 4.78 },
    WR: { count: 60, premium: 0.12, height: 72, weight: 195, forty: 4.45 },
    TE: { count: 25, premium: -0.05, height: 77, weight: 250, forty: 4.7 },
    OT: { count: 35, premium: 0.2, height: 78, weight: 315, forty: 5.2 },
    IOL: { count: 42, premium: 0, height: 76, weight: 312, forty: 5.25 },
    EDGE: { count: 40, premium: 0.22, height: 76, weight: 255, forty: 4.65 },
    DT: { count: 35, premium: 0.05, height: 75, weight: 305, forty: 5.0 },
    LB: { count: 35, premium: -0.02, height: 74, weight: 235, forty: 4.6 },
    CB: { count: 50, premium: 0.15, height: 71, weight: 190, forty: 4.42 },
    S: { count: 32, premium: 0.02, height: 72, weight: 205, forty: 4.5 },
    K: { count: 4, premium: -1.2, height: 72, weight: 195, forty: null },
    P: { count: 3, premium: -1.3, height: 74, weight: 215, forty: null },
    LS: { count: 1, premium: -1.6, height: 74, weight: 240, forty: null },
  };

const FIRST = [
  "Jalen",
  "Marcus",
  "Tyler",
  "DeShawn",
  "Cole",
  "Andre",
  "Bryce",
  "Caleb",
  "Darius",
  "Elijah",
  "Garrett",
  "Isaiah",
  "Jaylen",
  "Kendall",
  "Landon",
  "Malik",
  "Nolan",
  "Omar",
  "Preston",
  "Quinton",
  "Rashad",
  "Silas",
  "Trevon",
  "Uriah",
  "Vance",
  "Wyatt",
  "Xavier",
  "Zion",
  "Brady",
  "Cedric",
  "Dante",
  "Emeka",
  "Felix",
  "Grant",
  "Hunter",
  "Ivan",
  "Jamal",
  "Keon",
  "Luke",
  "Mason",
  "Nico",
  "Owen",
  "Parker",
  "Reggie",
  "Shane",
  "Tariq",
  "Ulysses",
  "Wade",
  "Amari",
  "Beau",
  "Chase",
  "Devon",
  "Ezra",
  "Finn",
  "Gavin",
  "Hollis",
  "Jace",
  "Kobe",
  "Micah",
  "Rhett",
  "José",
  "Tomás",
  "D'Andre",
  "Ja'Quan",
];
const LAST = [
  "Abernathy",
  "Bellamy",
  "Castellanos",
  "Dunmore",
  "Ellison",
  "Fairbanks",
  "Galloway",
  "Hargrove",
  "Ingram",
  "Jessup",
  "Kingsley",
  "Lockhart",
  "Merriweather",
  "Nwosu",
  "Okafor",
  "Pendleton",
  "Quarles",
  "Ridley",
  "Stallworth",
  "Thibodeaux",
  "Underwood",
  "Vickers",
  "Whitfield",
  "Yarbrough",
  "Zeller",
  "Ashby",
  "Blackwood",
  "Crenshaw",
  "Delacroix",
  "Eastman",
  "Fontaine",
  "Greer",
  "Holloway",
  "Iverson",
  "Jefferies",
  "Kincaid",
  "Lyles",
  "McCready",
  "Norwood",
  "Oyelaran",
  "Prescott",
  "Rutherford",
  "Sinclair",
  "Tolliver",
  "Upshaw",
  "Vaughn",
  "Wainwright",
  "Youngblood",
  "Adeyemi",
  "Boateng",
  "Carrington",
  "Dorsey",
  "Esposito",
  "Fitzgerald",
  "Gaines",
  "Hightower",
  "Ivory",
  "Jamison",
  "Kowalski",
  "Lindqvist",
  "Mbeki",
  "O'Neal",
  "St. Clair",
  "Van Dyke",
];
const COLLEGES = [
  "Alabama",
  "Georgia",
  "Ohio State",
  "Michigan",
  "LSU",
  "Texas",
  "Oregon",
  "Penn State",
  "Clemson",
  "Notre Dame",
  "USC",
  "Florida State",
  "Miami (FL)",
  "Washington",
  "Oklahoma",
  "Tennessee",
  "Utah",
  "Iowa",
  "Wisconsin",
  "Texas A&M",
  "Auburn",
  "Ole Miss",
  "Florida",
  "Kentucky",
  "Missouri",
  "Arizona",
  "Louisville",
  "Duke",
  "North Carolina",
  "Boise State",
  "Toledo",
  "Tulane",
  "Houston",
  "Minnesota",
  "Kansas State",
  "Iowa State",
  "Pittsburgh",
  "Virginia Tech",
  "Purdue",
  "Illinois",
  "South Carolina",
  "Memphis",
  "UCF",
  "Stanford",
  "Baylor",
  "TCU",
  "Syracuse",
  "Western Michigan",
  "North Dakota State",
  "Jackson State",
];
const NOTES: Partial<Record<Position, string[]>> = {
  QB: [
    "Throws with anticipation; works through reads quickly.",
    "Big arm, still learning to take the checkdown.",
    'Two-year starter; coaches call him "the first one in, the last one out".',
  ],
  EDGE: [
    "Explosive first step; bends around the corner.",
    "Long arms, heavy hands, a power rusher.",
    "Raw, but the traits are rare.",
  ],
  OT: [
    "Smooth feet in pass protection; plays left tackle.",
    "Mauler in the run game, can be beaten inside.",
    "Started 40 games, on both sides.",
  ],
  IOL: ["Anchors against power, pulls well.", "Center with the smarts to set protections."],
  WR: [
    "Separates at every level; soft hands.",
    "Vertical threat, 4.3 speed shows on tape.",
    "Contested-catch winner, not a burner.",
  ],
  CB: [
    "Sticky in man coverage, physical at the line.",
    "Ball skills: 9 interceptions in two seasons.",
    "Zone corner with a good feel for routes.",
  ],
  S: ["Range from the deep middle; a sure tackler.", "Box safety who can cover tight ends."],
  DT: ["Disrupts from the 3-technique.", "Nose tackle who eats double teams."],
  LB: ["Sideline to sideline; calls the defence.", "Blitzes well, stiff in coverage."],
  RB: ["Patient runner with burst through the hole.", "Three-down back: catches and blocks."],
  TE: ["Move tight end, a mismatch on linebackers.", "In-line blocker first, reliable hands."],
};

function buildBoard() {
  const prospects: { name: string; position: Position; college: string; value: number }[] = [];
  const names = new Set<string>();
  for (const [position, mix] of Object.entries(MIX) as [Position, (typeof MIX)[Position]][]) {
    for (let i = 0; i < mix.count; i++) {
      let name: string;
      do name = `${pick(FIRST)} ${pick(LAST)}`;
      while (names.has(name));
      names.add(name);
      prospects.push({ name, position, college: pick(COLLEGES), value: mix.premium + normal() });
    }
  }
  prospects.sort((a, b) => b.value - a.value);
  // grades fall with rank, faster at the top, with a few tier breaks where a board would draw a line
  const tierBreaks = new Set([5, 14, 32, 64, 100]);
  let grade = 96.5;
  return prospects.slice(0, BOARD_SIZE).map((prospect, i) => {
    const rank = i + 1;
    if (rank > 1) grade -= (rank < 40 ? 0.18 : 0.1) + (tierBreaks.has(rank - 1) ? 1.8 : 0);
    const mix = MIX[prospect.position];
    const height = Math.round(mix.height + normal() * 1.6);
    const weight = Math.round(mix.weight + normal() * 9);
    const forty = mix.forty !== null && random() > 0.12 ? Math.round((mix.forty + normal() * 0.07) * 100) / 100 : null;
    const notes = rank <= 90 && NOTES[prospect.position] ? pick(NOTES[prospect.position]!) : null;
    return [
      rank,
      prospect.name,
      prospect.position,
      prospect.college,
      Math.max(35, Math.round(grade * 10) / 10),
      height,
      weight,
      forty,
      notes,
    ];
  });
}

const header = ["rank", "name", "position", "college", "grade", "height_in", "weight_lb", "forty", "notes"];
writeFileSync(
  path.join(OUT, "board.csv"),
  stringify([header, ...buildBoard().map((row) => row.map((cell) => cell ?? ""))], { record_delimiter: "unix" }),
);

const order = readBundledPools().find((pool) => pool.pool === "2024")?.order ?? [];
writeFileSync(
  path.join(OUT, "order.csv"),
  stringify(
    [
      ["overall", "round", "team_id", "original_team_id"],
      ...order.map((slot) => [slot.overall, slot.round, slot.team_id, slot.original_team_id]),
    ],
    { record_delimiter: "unix" },
  ),
);
process.stdout.write(
  `wrote examples/board.csv (${BOARD_SIZE} prospects) and examples/order.csv (${order.length} picks)\n`,
);
