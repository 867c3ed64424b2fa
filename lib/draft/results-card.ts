// What the shareable results card (a 1200×630 PNG) says, decided apart from
// how it is drawn: a solo mock (one human team) shows that team's grade and
// picks; any other draft shows every graded team's grade, best first.
import type { Results, TeamResult } from "../protocol/results";

export interface CardPick {
  overall: number;
  name: string;
  position: string;
  value_vs_board: number;
}

export interface CardTeam {
  team_id: string;
  name: string;
  grade: string | null;
  human: boolean;
  /** "value +4 · needs 2/6": what the grade is made of, in a line */
  detail: string;
}

export type CardModel =
  | { kind: "team"; title: string; subtitle: string; team: CardTeam; picks: CardPick[]; more: number }
  | { kind: "grades"; title: string; subtitle: string; teams: CardTeam[]; more: number };

/** Picks that fit on the card beside the team's grade; the rest are "and N more". */
export const CARD_PICKS = 7;
/** Grades that fit on the card: four columns of eight, a full league. */
export const CARD_TEAMS = 32;

const STATUS_LINE: Record<Results["status"], string> = {
  lobby: "Draft not started",
  running: "Draft in progress",
  paused: "Draft paused",
  complete: "Draft complete",
};

/**
 * The card's font (Next's bundled Geist) covers Latin text; anything else
 * would make the renderer fetch a font from the network, which a server here
 * may not reach. Such characters are dropped, and runs of space closed up.
 */
export function cardText(text: string, fallback = ""): string {
  const kept = text
    .replace(/[^\u0020-\u007e\u00a0-\u00ff\u2013\u2014\u2018\u2019\u201c\u201d\u00b7]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  return kept || fallback;
}

const signed = (value: number) => (value > 0 ? `+${value}` : value < 0 ? `\u2013${-value}` : "0");

const cardTeam = (team: TeamResult): CardTeam => ({
  team_id: team.team_id,
  name: cardText(team.name, team.team_id),
  grade: team.grade ?? null,
  human: team.controller === "human",
  detail: [
    `value ${signed(team.board_value)}`,
    ...(team.needs.length > 0
      ? [`needs ${team.needs.filter((need) => need.filled_by !== null).length}/${team.needs.length}`]
      : []),
  ].join(" · "),
});

export function resultsCard(results: Results): CardModel {
  const title = cardText(results.name, "Mock draft");
  const humans = results.teams.filter((team) => team.controller === "human");
  const [solo] = humans;
  if (humans.length === 1 && solo) {
    const picks = solo.picks.map((pick) => ({
      overall: pick.overall,
      name: cardText(pick.player.name, pick.player.player_id),
      position: pick.player.position,
      value_vs_board: pick.value_vs_board,
    }));
    return {
      kind: "team",
      title,
      subtitle: STATUS_LINE[results.status],
      team: cardTeam(solo),
      picks: picks.slice(0, CARD_PICKS),
      more: Math.max(0, picks.length - CARD_PICKS),
    };
  }
  const graded = results.teams
    .filter((team) => team.grade !== undefined)
    .sort(
      (a, b) =>
        (b.grade_score ?? 0) - (a.grade_score ?? 0) ||
        b.board_value - a.board_value ||
        a.team_id.localeCompare(b.team_id),
    );
  return {
    kind: "grades",
    title,
    subtitle: `${STATUS_LINE[results.status]} · ${graded.length === 0 ? "no picks yet" : `${graded.length} team${graded.length === 1 ? "" : "s"} graded`}`,
    teams: graded.slice(0, CARD_TEAMS).map(cardTeam),
    more: Math.max(0, graded.length - CARD_TEAMS),
  };
}
