// A draft grade as a coloured letter: green A, sky B, amber C, orange D, rose F.
const TONES: Record<string, string> = {
  A: "border-emerald-400 bg-emerald-950 text-emerald-200",
  B: "border-sky-400 bg-sky-950 text-sky-200",
  C: "border-amber-400 bg-amber-950 text-amber-200",
  D: "border-orange-400 bg-orange-950 text-orange-200",
  F: "border-rose-400 bg-rose-950 text-rose-200",
};
const SIZES = {
  sm: "h-7 min-w-9 text-sm",
  lg: "h-20 min-w-20 text-5xl sm:h-24 sm:min-w-24 sm:text-6xl",
};

export function GradeBadge({ grade, size = "sm" }: { grade: string | undefined; size?: keyof typeof SIZES }) {
  const tone = (grade && TONES[grade[0] ?? ""]) ?? "border-slate-600 bg-slate-900 text-slate-300";
  return (
    <span
      data-testid="grade"
      title={grade ? `Draft grade ${grade}` : "No grade: no picks"}
      className={`inline-flex shrink-0 items-center justify-center rounded-md border px-1.5 font-bold tabular-nums ${SIZES[size]} ${tone}`}
    >
      {grade ?? "–"}
    </span>
  );
}
