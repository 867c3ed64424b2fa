// A colour per club so a board of 257 cells can be read at a glance. The
// clubs' primary colours, with the text colour picked for contrast: several
// primaries (navy, black) would vanish on the dark theme, so chips always
// carry their own readable text colour rather than relying on the page's.

interface TeamColor {
  bg: string;
  fg: string;
}

const COLORS: Record<string, string> = {
  ARI: "#97233F",
  ATL: "#A71930",
  BAL: "#241773",
  BUF: "#00338D",
  CAR: "#0085CA",
  CHI: "#C83803",
  CIN: "#FB4F14",
  CLE: "#FF3C00",
  DAL: "#041E42",
  DEN: "#FB4F14",
  DET: "#0076B6",
  GB: "#203731",
  HOU: "#03202F",
  IND: "#002C5F",
  JAX: "#006778",
  KC: "#E31837",
  LA: "#003594",
  LAC: "#0080C6",
  LV: "#A5ACAF",
  MIA: "#008E97",
  MIN: "#4F2683",
  NE: "#002244",
  NO: "#D3BC8D",
  NYG: "#0B2265",
  NYJ: "#125740",
  PHI: "#004C54",
  PIT: "#FFB612",
  SEA: "#69BE28",
  SF: "#AA0000",
  TB: "#D50A0A",
  TEN: "#4B92DB",
  WAS: "#5A1414",
};

const FALLBACK = "#475569";

/** Relative luminance (WCAG) of a #rrggbb colour. */
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** Black or white, whichever contrasts more with the background. */
function readableText(bg: string): string {
  const l = luminance(bg);
  const onWhite = 1.05 / (l + 0.05);
  const onBlack = (l + 0.05) / 0.05;
  return onBlack >= onWhite ? "#020617" : "#ffffff";
}

const cache = new Map<string, TeamColor>();

export function teamColor(teamId: string): TeamColor {
  let color = cache.get(teamId);
  if (!color) {
    const bg = COLORS[teamId] ?? FALLBACK;
    color = { bg, fg: readableText(bg) };
    cache.set(teamId, color);
  }
  return color;
}
