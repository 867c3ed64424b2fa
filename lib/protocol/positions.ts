// Positions and clubs as an imported draft class names them (PROTOCOL.md v2,
// "Imported draft classes"): every spelling a board may use, read into one
// canonical form. Shared with the browser, so it holds no data but these lists.

/** The canonical positions an imported prospect is stored with. */
export const POSITIONS = [
  "QB",
  "RB",
  "FB",
  "WR",
  "TE",
  "OT",
  "IOL",
  "EDGE",
  "DT",
  "LB",
  "CB",
  "S",
  "K",
  "P",
  "LS",
] as const;
export type Position = (typeof POSITIONS)[number];

/** The contract's aliases; anything else that is not a canonical position is an issue. */
export const POSITION_ALIASES: Readonly<Record<string, Position>> = {
  T: "OT",
  G: "IOL",
  OG: "IOL",
  C: "IOL",
  OL: "IOL",
  DE: "EDGE",
  DL: "DT",
  IDL: "DT",
  ILB: "LB",
  OLB: "LB",
  SAF: "S",
  FS: "S",
  SS: "S",
  DB: "CB",
};

const CANONICAL: ReadonlySet<string> = new Set(POSITIONS);

/** The canonical position for a spelling (case-insensitive), or null when it is not one. */
export function canonicalPosition(raw: string): Position | null {
  const upper = raw.trim().toUpperCase();
  if (CANONICAL.has(upper)) return upper as Position;
  return POSITION_ALIASES[upper] ?? null;
}

/** The 32 clubs, as the bundled draft classes name them (nflverse abbreviations). */
export const CLUB_IDS = [
  "ARI",
  "ATL",
  "BAL",
  "BUF",
  "CAR",
  "CHI",
  "CIN",
  "CLE",
  "DAL",
  "DEN",
  "DET",
  "GB",
  "HOU",
  "IND",
  "JAX",
  "KC",
  "LA",
  "LAC",
  "LV",
  "MIA",
  "MIN",
  "NE",
  "NO",
  "NYG",
  "NYJ",
  "PHI",
  "PIT",
  "SEA",
  "SF",
  "TB",
  "TEN",
  "WAS",
] as const;

/**
 * Other abbreviations boards use for the same clubs (ESPN's and Pro Football
 * Reference's), read as the club: an addition to the contract, which names the
 * 32 ids above. Anything else is an unknown team.
 */
export const CLUB_ALIASES: Readonly<Record<string, (typeof CLUB_IDS)[number]>> = {
  LAR: "LA",
  RAM: "LA",
  WSH: "WAS",
  JAC: "JAX",
  LVR: "LV",
  OAK: "LV",
  SD: "LAC",
  SDG: "LAC",
  GNB: "GB",
  KAN: "KC",
  NWE: "NE",
  NOR: "NO",
  SFO: "SF",
  TAM: "TB",
  CLT: "IND",
  CRD: "ARI",
  RAV: "BAL",
  HTX: "HOU",
  OTI: "TEN",
};

const CLUBS: ReadonlySet<string> = new Set(CLUB_IDS);

/** The club id for an abbreviation (case-insensitive, aliases included), or null. */
export function canonicalClub(raw: string): string | null {
  const upper = raw.trim().toUpperCase();
  if (CLUBS.has(upper)) return upper;
  return CLUB_ALIASES[upper] ?? null;
}
