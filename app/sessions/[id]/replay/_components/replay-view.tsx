"use client";
// Loads a session and its whole log, folds it into frames, then hands over
// to the player. Data first, player second: the player's state starts at the
// deep-linked pick instead of jumping there after a first empty render.
import Link from "next/link";
import { useEffect, useState } from "react";
import { describeError } from "@/lib/client/fetch-json";
import { fetchLog, fetchRealDraft, fetchSnapshot } from "@/lib/client/replay/replay-api";
import { buildFrames, type Frame } from "@/lib/client/replay/replay-timeline";
import type { Snapshot } from "@/lib/protocol/shapes";
import { buttonClass, MessageLine, StatusBadge } from "@/app/_components/ui";
import { ReplayPlayer } from "./replay-player";

interface Loaded {
  snapshot: Snapshot;
  frames: Frame[];
  real: Snapshot | null;
}

export function ReplayView({ sessionId, initialPick }: { sessionId: string; initialPick: number | null }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    (async () => {
      const [snapshot, log] = await Promise.all([
        fetchSnapshot(sessionId, controller.signal),
        fetchLog(sessionId, controller.signal),
      ]);
      // the comparison is extra: a replay without it is still a replay
      const real = await fetchRealDraft(snapshot, controller.signal).catch(() => null);
      setLoaded({ snapshot, frames: buildFrames(snapshot.order, log), real });
    })().catch((err: unknown) => {
      if (!controller.signal.aborted) setError(describeError(err));
    });
    return () => controller.abort();
  }, [sessionId]);

  const base = `/sessions/${encodeURIComponent(sessionId)}`;
  return (
    <main className="mx-auto max-w-[96rem] space-y-3 p-3 sm:p-4">
      <div className="flex flex-wrap items-center gap-2">
        <h1 className="mr-auto min-w-0 truncate text-xl font-bold text-slate-50 sm:text-2xl">
          Replay{loaded ? `: ${loaded.snapshot.name}` : ""}
        </h1>
        {loaded && <StatusBadge status={loaded.snapshot.status} />}
        <Link prefetch={false} className={buttonClass("secondary")} href={`${base}/results`}>
          Results
        </Link>
        <Link prefetch={false} className={buttonClass("secondary")} href={base}>
          Room
        </Link>
      </div>
      {/* only when there is one: an error replaces the page's content, so no space is held for it */}
      {error && <MessageLine message={error} />}
      {loaded ? (
        <ReplayPlayer snapshot={loaded.snapshot} frames={loaded.frames} real={loaded.real} initialPick={initialPick} />
      ) : (
        !error && <p className="text-sm text-slate-300">Loading the draft log…</p>
      )}
    </main>
  );
}
