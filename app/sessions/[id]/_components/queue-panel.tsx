"use client";
// The seat's queue: the players it wants, best first. When the clock runs out
// the server drafts the first queued player still available, so the order
// matters; every change is sent at once with set_queue.
import type { Player } from "@/lib/protocol/shapes";
import { buttonClass } from "@/app/_components/ui";

interface Props {
  queue: string[];
  /** every player seen, available or taken, to show names for ids */
  playersById: Map<string, Player>;
  taken: Set<string>;
  mayPick: boolean;
  onChange: (playerIds: string[]) => void;
  onDraft: (player: Player) => void;
}

export function QueuePanel({ queue, playersById, taken, mayPick, onChange, onDraft }: Props) {
  const move = (index: number, by: number) => {
    const next = [...queue];
    const [item] = next.splice(index, 1);
    if (item === undefined) return;
    next.splice(Math.max(0, Math.min(next.length, index + by)), 0, item);
    onChange(next);
  };
  const remove = (id: string) => onChange(queue.filter((q) => q !== id));
  const firstAvailable = queue.find((id) => !taken.has(id));

  return (
    <div className="space-y-2 p-2" data-testid="queue">
      <div className="flex min-h-9 items-center justify-between gap-2 px-1">
        <p className="text-xs text-slate-400">If your clock runs out, the first available player here is drafted.</p>
        {queue.some((id) => taken.has(id)) && (
          <button
            type="button"
            className={buttonClass("secondary", "shrink-0")}
            onClick={() => onChange(queue.filter((id) => !taken.has(id)))}
          >
            Clear taken
          </button>
        )}
      </div>
      {queue.length === 0 && (
        <p className="p-2 text-sm text-slate-400">Your queue is empty. Star players (☆ or Q) to add them.</p>
      )}
      <ol className="space-y-1">
        {queue.map((id, index) => {
          const player = playersById.get(id);
          const gone = taken.has(id);
          const name = player?.name ?? id;
          return (
            <li
              key={id}
              data-player-id={id}
              className={`flex min-h-11 items-center gap-1.5 rounded border border-slate-800 px-2 ${gone ? "opacity-60" : ""}`}
            >
              <span className="w-5 shrink-0 text-right text-xs tabular-nums text-slate-400">{index + 1}</span>
              <span className={`min-w-0 flex-1 truncate text-sm ${gone ? "line-through" : "text-slate-50"}`}>
                {name}{" "}
                <span className="text-xs text-slate-400">
                  {player?.position}
                  {gone ? " · taken" : ""}
                </span>
              </span>
              {mayPick && id === firstAvailable && player && (
                <button
                  type="button"
                  className={buttonClass("primary", "px-2")}
                  onClick={() => onDraft(player)}
                  aria-label={`Draft ${name}`}
                >
                  Draft
                </button>
              )}
              <button
                type="button"
                className={buttonClass("secondary", "w-9 px-0")}
                disabled={index === 0}
                onClick={() => move(index, -1)}
                aria-label={`Move ${name} up`}
              >
                ↑
              </button>
              <button
                type="button"
                className={buttonClass("secondary", "w-9 px-0")}
                disabled={index === queue.length - 1}
                onClick={() => move(index, 1)}
                aria-label={`Move ${name} down`}
              >
                ↓
              </button>
              <button
                type="button"
                className={buttonClass("secondary", "w-9 px-0")}
                onClick={() => remove(id)}
                aria-label={`Remove ${name} from queue`}
              >
                ✕
              </button>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
