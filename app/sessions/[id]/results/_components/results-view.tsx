"use client";
// A draft's results: share and export on top, the value chart across all
// teams, then one card per team with its picks and the needs they filled.
import Link from "next/link";
import { useEffect, useMemo, useState } from "react";
import { describeError } from "@/lib/client/fetch-json";
import { fetchResults, rankTeams, type ResultsView as Results } from "@/lib/client/replay/results-api";
import { buttonClass, MessageLine, StatusBadge } from "@/app/_components/ui";
import { ResultsActions } from "./results-actions";
import { TeamCard } from "./team-card";
import { ValueChart } from "./value-chart";

export function ResultsView({ sessionId }: { sessionId: string }) {
  const [results, setResults] = useState<Results | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    fetchResults(sessionId, controller.signal)
      .then(setResults)
      .catch((err: unknown) => {
        if (!controller.signal.aborted) setError(describeError(err));
      });
    return () => controller.abort();
  }, [sessionId]);

  const teams = useMemo(() => (results ? rankTeams(results.teams) : []), [results]);
  const base = `/sessions/${encodeURIComponent(sessionId)}`;

  return (
    <main className="mx-auto max-w-[96rem] space-y-4 p-3 sm:p-4">
      <div className="flex flex-wrap items-center gap-2">
        <h1 className="mr-auto min-w-0 truncate text-xl font-bold text-slate-50 sm:text-2xl">
          Results{results ? `: ${results.name}` : ""}
        </h1>
        {results && <StatusBadge status={results.status} />}
        <Link prefetch={false} className={buttonClass("secondary")} href={`${base}/replay`}>
          Replay
        </Link>
        <Link prefetch={false} className={buttonClass("secondary")} href={base}>
          Room
        </Link>
      </div>
      {/* only when there is one: an error replaces the page's content, so no space is held for it */}
      {error && <MessageLine message={error} />}
      {!results && !error && <p className="text-sm text-slate-300">Loading results…</p>}
      {results && (
        <>
          {results.status !== "complete" && (
            <p className="rounded-md border border-amber-700 bg-amber-950 px-3 py-2 text-sm text-amber-100">
              This draft is still {results.status}: the results so far.
            </p>
          )}
          <ResultsActions sessionId={sessionId} />
          <ValueChart teams={teams} />
          <section aria-label="Teams" className="grid gap-3 sm:grid-cols-2 xl:grid-cols-4" data-testid="team-cards">
            {teams.map((team) => (
              <TeamCard key={team.team_id} team={team} />
            ))}
          </section>
        </>
      )}
    </main>
  );
}
