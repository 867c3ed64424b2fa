"use client";
// Play/pause, speed, step, scrub. Keyboard: Space or K plays and pauses, ←/→
// step, Home/End jump; the scrubber is a native range input, so it already
// speaks to screen readers and arrow keys, and says "pick N of M".
import { useEffect } from "react";
import type { Frame } from "@/lib/client/replay/replay-timeline";
import { SPEEDS, type Playback } from "@/lib/client/replay/use-playback";
import { buttonClass } from "@/app/_components/ui";

interface Props {
  playback: Playback;
  frames: Frame[];
  frame: Frame;
  totalPicks: number;
}

export function PlaybackControls({ playback, frames, frame, totalPicks }: Props) {
  const last = frames.length - 1;
  const { index, playing, speed, seek, step, toggle, setSpeed } = playback;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      // form fields and buttons keep their own keys (a focused button's Space presses it)
      if (target?.closest("input, select, textarea") || event.altKey || event.ctrlKey || event.metaKey) return;
      if ((event.key === " " && !target?.closest("button")) || event.key === "k") toggle();
      else if (event.key === "ArrowLeft") step(-1);
      else if (event.key === "ArrowRight") step(1);
      else if (event.key === "Home") seek(0);
      else if (event.key === "End") seek(last);
      else return;
      event.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [toggle, step, seek, last]);

  return (
    <section aria-label="Playback" className="space-y-2 rounded-lg border border-slate-800 bg-slate-900 p-3">
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          className={buttonClass("secondary")}
          onClick={() => seek(0)}
          disabled={index === 0}
          aria-label="Go to start"
        >
          <Icon d="M6 5h2v14H6zM20 5v14L9 12z" />
        </button>
        <button
          type="button"
          className={buttonClass("secondary")}
          onClick={() => step(-1)}
          disabled={index === 0}
          aria-label="Step back"
        >
          <Icon d="M17 5v14L6 12z" />
        </button>
        <button
          type="button"
          className={buttonClass("primary", "w-24")}
          onClick={toggle}
          aria-pressed={playing}
          data-testid="play"
        >
          {playing ? "Pause" : "Play"}
        </button>
        <button
          type="button"
          className={buttonClass("secondary")}
          onClick={() => step(1)}
          disabled={index === last}
          aria-label="Step forward"
        >
          <Icon d="M7 5v14l11-7z" />
        </button>
        <button
          type="button"
          className={buttonClass("secondary")}
          onClick={() => seek(last)}
          disabled={index === last}
          aria-label="Go to end"
        >
          <Icon d="M4 5v14l11-7zM16 5h2v14h-2z" />
        </button>
        <div role="group" aria-label="Speed" className="ml-1 flex overflow-hidden rounded-md border border-slate-600">
          {SPEEDS.map((s) => (
            <button
              key={s}
              type="button"
              aria-pressed={s === speed}
              onClick={() => setSpeed(s)}
              className={`min-h-9 px-2.5 text-sm font-medium tabular-nums ${s === speed ? "bg-sky-500 text-slate-950" : "bg-slate-800 text-slate-100 hover:bg-slate-700"}`}
            >
              {s}×
            </button>
          ))}
        </div>
        <p className="ml-auto text-sm tabular-nums text-slate-200" data-testid="replay-position">
          Pick <span data-testid="replay-picks">{frame.picks.length}</span> of {totalPicks}
        </p>
      </div>
      <label htmlFor="replay-scrub" className="sr-only">
        Scrub through the draft
      </label>
      <input
        id="replay-scrub"
        type="range"
        min={0}
        max={last}
        value={index}
        onChange={(e) => seek(Number(e.target.value))}
        aria-valuetext={`Pick ${frame.picks.length} of ${totalPicks}`}
        className="w-full accent-sky-400"
      />
      {/* announced only when paused: at 16× a live region would talk over itself */}
      <p
        className="min-h-6 truncate text-sm text-slate-100"
        aria-live={playing ? "off" : "polite"}
        data-testid="replay-caption"
      >
        {describeFrame(frame)}
      </p>
    </section>
  );
}

// drawn, not font glyphs: ⏮ and ⏭ are missing from many system fonts and show as boxes
function Icon({ d }: { d: string }) {
  return (
    <svg aria-hidden viewBox="0 0 24 24" className="h-4 w-4 fill-current">
      <path d={d} />
    </svg>
  );
}

export function describeFrame(frame: Frame): string {
  const { cause } = frame;
  switch (cause.kind) {
    case "start":
      return "Before the first pick. Press Play, or use ← and →.";
    case "pick": {
      const { pick } = cause;
      return `#${pick.overall} (round ${pick.round}, pick ${pick.pick_in_round}) ${pick.team_id}: ${pick.player.name}, ${pick.player.position}${pick.player.college ? `, ${pick.player.college}` : ""}${pick.auto ? " (auto)" : ""}`;
    }
    case "undo":
      return cause.overall ? `Pick #${cause.overall} taken back by the commissioner` : "A pick was taken back";
    case "trade": {
      const { trade } = cause;
      return `Trade: ${trade.from_team_id} sends #${trade.give.join(", #")} to ${trade.to_team_id} for #${trade.receive.join(", #")}`;
    }
  }
}
