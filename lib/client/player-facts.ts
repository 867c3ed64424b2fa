// A prospect's measurables as people read them: 6'2", 215 lb, 4.45 s.

/** Inches as feet and inches: 74 → 6'2", 74.5 → 6'2½". */
export function formatHeight(inches: number): string {
  const feet = Math.floor(inches / 12);
  const rest = inches - feet * 12;
  const whole = Math.floor(rest);
  const half = rest - whole >= 0.25 && rest - whole < 0.75 ? "½" : "";
  const rounded = rest - whole >= 0.75 ? whole + 1 : whole;
  return rounded === 12 ? `${feet + 1}'0"` : `${feet}'${rounded}${half}"`;
}

export const formatWeight = (pounds: number) => `${Math.round(pounds)} lb`;
export const formatForty = (seconds: number) => `${seconds.toFixed(2)} s`;
export const formatGrade = (grade: number) => (Number.isInteger(grade) ? String(grade) : grade.toFixed(1));
