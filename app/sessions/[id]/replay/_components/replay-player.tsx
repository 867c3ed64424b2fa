"use client";
// The replay itself: controls on top, the shared board, then what happened
// (and, for a mock of a real class, what really happened). The URL follows
// the cursor (?pick=N), so any moment of a draft can be linked.
import { useEffect, useMemo } from "react";
import { frameIndexForPick, type Frame } from "@/lib/client/replay/replay-timeline";
import { usePlayback } from "@/lib/client/replay/use-playback";
import type { Snapshot } from "@/lib/protocol/shapes";
import { DraftBoard } from "@/app/_components/draft-board";
import { MockVsReal } from "./mock-vs-real";
import { PlaybackControls } from "./playback-controls";
import { ReplayLog } from "./replay-log";

interface Props {
  snapshot: Snapshot;
  frames: Frame[];
  real: Snapshot | null;
  initialPick: number | null;
}

export function ReplayPlayer({ snapshot, frames, real, initialPick }: Props) {
  const playback = usePlayback(frames.length, initialPick === null ? 0 : frameIndexForPick(frames, initialPick));
  const frame = frames[playback.index] ?? frames[0]!;
  const picksMade = frame.picks.length;

  // replaceState, not the router: a URL change per frame at 16× must not re-render the page
  useEffect(() => {
    const url = new URL(window.location.href);
    url.searchParams.set("pick", String(picksMade));
    window.history.replaceState(window.history.state, "", url);
  }, [picksMade]);

  // the cursor rings the pick just made (what the viewer is watching), else the pick on the clock
  const cursor = frame.cause.kind === "pick" ? frame.cause.pick.overall : frame.current_overall;
  const totalPicks = useMemo(() => frames.at(-1)?.picks.length ?? 0, [frames]);

  return (
    <div className="space-y-3">
      <PlaybackControls playback={playback} frames={frames} frame={frame} totalPicks={totalPicks} />
      <DraftBoard
        order={frame.order}
        picks={frame.picks}
        rounds={snapshot.rounds}
        teams={snapshot.teams}
        currentOverall={cursor}
        className="max-h-[26rem]"
      />
      <div
        className={`grid grid-cols-[minmax(0,1fr)] gap-3 ${real ? "lg:grid-cols-[minmax(0,1fr)_minmax(0,1.4fr)]" : ""}`}
      >
        <ReplayLog frames={frames} index={playback.index} onSeek={playback.seek} />
        {real && <MockVsReal picks={frame.picks} real={real} />}
      </div>
    </div>
  );
}
