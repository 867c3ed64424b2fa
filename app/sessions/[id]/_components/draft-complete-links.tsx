// Where a finished draft goes next: its results (grades and the card) and its replay.
import Link from "next/link";

export function DraftCompleteLinks({ sessionId, picks }: { sessionId: string; picks: number }) {
  const base = `/sessions/${encodeURIComponent(sessionId)}`;
  const link = "font-semibold text-sky-300 underline-offset-2 hover:underline focus-visible:underline";
  return (
    <p className="truncate text-sm text-slate-300" data-testid="draft-complete-links">
      {picks} picks made —{" "}
      <Link prefetch={false} className={link} href={`${base}/results`}>
        Results
      </Link>{" "}
      ·{" "}
      <Link prefetch={false} className={link} href={`${base}/replay`}>
        Replay
      </Link>
    </p>
  );
}
