"use client";
// What happened up to the cursor, newest first; each line jumps there. Only
// the last few dozen lines are drawn: the full list is the board's job.
import type { Frame } from "@/lib/client/replay/replay-timeline";
import { Panel } from "@/app/_components/ui";
import { describeFrame } from "./playback-controls";

const SHOWN = 30;

export function ReplayLog({
  frames,
  index,
  onSeek,
}: {
  frames: Frame[];
  index: number;
  onSeek: (index: number) => void;
}) {
  const lines = [];
  for (let i = index; i >= 1 && lines.length < SHOWN; i--) lines.push(i);
  return (
    <Panel title="Log">
      <ol className="h-72 overflow-y-auto text-sm">
        {lines.length === 0 && <li className="p-3 text-slate-400">Nothing yet.</li>}
        {lines.map((i) => (
          <li key={i}>
            <button
              type="button"
              onClick={() => onSeek(i)}
              className={`block w-full truncate px-3 py-1.5 text-left hover:bg-slate-800 ${i === index ? "bg-sky-950 text-sky-100" : "text-slate-200"}`}
            >
              {describeFrame(frames[i]!)}
            </button>
          </li>
        ))}
      </ol>
    </Panel>
  );
}
