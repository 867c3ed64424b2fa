"use client";
// A draft's results: the team(s) this browser drafted for first, with their
// grade and picks, beside the shareable card; then share and export, every
// other team with its grade, and the value chart across all teams.
import Link from "next/link";
import { useEffect, useMemo, useState } from "react";
import { describeError } from "@/lib/client/fetch-json";
import { myTeamsStore } from "@/lib/client/my-teams";
import { fetchResults, rankTeams, splitMine, type ResultsView as Results } from "@/lib/client/replay/results-api";
import { buttonClass, MessageLine, StatusBadge } from "@/app/_components/ui";
import { ResultsActions } from "./results-actions";
import { ShareCard } from "./share-card";
import { TeamCard } from "./team-card";
import { ValueChart } from "./value-chart";
import { YourTeam } from "./your-team";

export function ResultsView({ sessionId }: { sessionId: string }) {
  const [results, setResults] = useState<Results | null>(null);
  const [error, setError] = useState<string | null>(null);
  // read from browser storage once mounted, before the results arrive, so the page draws once in its final order
  const [myTeams, setMyTeams] = useState<string[]>([]);

  useEffect(() => {
    setMyTeams(myTeamsStore.get(sessionId));
    const controller = new AbortController();
    fetchResults(sessionId, controller.signal)
      .then(setResults)
      .catch((err: unknown) => {
        if (!controller.signal.aborted) setError(describeError(err));
      });
    return () => controller.abort();
  }, [sessionId]);

  const teams = useMemo(() => (results ? rankTeams(results.teams) : []), [results]);
  const byValue = useMemo(() => [...teams].sort((a, b) => b.board_value - a.board_value), [teams]);
  const { mine, others } = useMemo(() => splitMine(teams, myTeams), [teams, myTeams]);
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
          <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,34rem)]">
            {mine.length > 0 && (
              <section aria-label="Your draft" className="space-y-3">
                {mine.map((team) => (
                  <YourTeam key={team.team_id} team={team} />
                ))}
              </section>
            )}
            <div
              className={`space-y-4 ${mine.length > 0 ? "" : "lg:col-span-2 lg:grid lg:grid-cols-2 lg:gap-4 lg:space-y-0"}`}
            >
              <ShareCard sessionId={sessionId} name={results.name} />
              <ResultsActions sessionId={sessionId} />
            </div>
          </div>
          <section aria-label={mine.length > 0 ? "Other teams" : "Teams"} className="space-y-2">
            {mine.length > 0 && (
              <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-200">Other teams</h2>
            )}
            <div className="grid gap-3 sm:grid-cols-2 xl:grid-cols-4" data-testid="team-cards">
              {others.map((team) => (
                <TeamCard key={team.team_id} team={team} />
              ))}
            </div>
          </section>
          <ValueChart teams={byValue} />
        </>
      )}
    </main>
  );
}
