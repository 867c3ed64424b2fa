// How good the board says each player is, on the CPU general managers' scale
// (log-rank: cpu-strategy.ts). Without grades that is -log(rank). With grades,
// the same total fall is shared out by where the grades drop: a tier break
// (a grade gap much wider than its neighbours') separates two players more
// than one rank does, and players a board grades alike sit close together.
const { log, max, min } = Math;

/** Ranks on each side that set what an ordinary grade step is around a player. */
const WINDOW = 8;
/** The share of a rank step kept whatever the grades say, so equal grades still follow the board's order. */
const RANK_SHARE = 0.25;

/** Grades for every player: the missing ones read off a straight line between graded neighbours, held flat past the ends. */
function filledGrades(grades: readonly (number | undefined)[]): number[] {
  const known = grades.flatMap((grade, i) => (grade === undefined ? [] : [i]));
  return grades.map((grade, i) => {
    if (grade !== undefined) return grade;
    const after = known.find((k) => k > i);
    const before = [...known].reverse().find((k) => k < i);
    if (before === undefined) return grades[after ?? 0] ?? 0;
    if (after === undefined) return grades[before] ?? 0;
    const a = grades[before] ?? 0;
    const b = grades[after] ?? 0;
    return a + ((b - a) * (i - before)) / (after - before);
  });
}

/** Scores for players sorted best rank first; higher is better and never rises down the list. */
export function boardScores(players: readonly { rank: number; grade?: number | undefined }[]): number[] {
  const logRank = players.map((player) => log(max(1, player.rank)));
  if (!players.some((player) => player.grade !== undefined)) return logRank.map((value) => -value);
  const grades = filledGrades(players.map((player) => player.grade));
  // a grade that rises down the board separates nobody: the board's order stands
  const drops = grades.slice(1).map((grade, i) => max(0, (grades[i] ?? grade) - grade));
  const scores = [-(logRank[0] ?? 0)];
  for (let i = 0; i < drops.length; i++) {
    const step = (logRank[i + 1] ?? 0) - (logRank[i] ?? 0);
    const window = drops.slice(max(0, i - WINDOW), min(drops.length, i + WINDOW + 1));
    const ordinary = window.reduce((sum, drop) => sum + drop, 0) / window.length;
    const weight = ordinary > 0 ? RANK_SHARE + (1 - RANK_SHARE) * ((drops[i] ?? 0) / ordinary) : 1;
    scores.push((scores[i] ?? 0) - step * weight);
  }
  return scores;
}
