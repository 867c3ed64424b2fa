"use client";
// One prospect, everything the board says of him: rank, position, college,
// grade, measurables and the scouting notes. A native modal dialog, so focus
// stays inside it and Escape closes it; drafting from here goes through the
// same confirm step as the list.
import { useEffect, useRef } from "react";
import { formatForty, formatGrade, formatHeight, formatWeight } from "@/lib/client/player-facts";
import type { Player } from "@/lib/protocol/shapes";
import { buttonClass } from "@/app/_components/ui";

interface Props {
  player: Player;
  /** drafted while the card was open */
  taken: boolean;
  /** the seat may draft now */
  mayPick: boolean;
  /** a seat with a queue (not a spectator, not once the draft is over) */
  canQueue: boolean;
  queued: boolean;
  onDraft: () => void;
  onToggleQueue: () => void;
  onClose: () => void;
}

export function PlayerCard({ player, taken, mayPick, canQueue, queued, onDraft, onToggleQueue, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  /** Draft when the seat may pick, else Close: what Enter does once the card is open */
  const primary = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    // showModal focuses the dialog's first button (the queue's); the main action should have it
    primary.current?.focus();
    return () => element?.close();
  }, []);

  const facts: [string, string][] = [
    ["Rank", `#${player.rank}`],
    ["Position", player.position],
    ...(player.college ? ([["College", player.college]] as [string, string][]) : []),
    ...(player.grade !== undefined ? ([["Grade", formatGrade(player.grade)]] as [string, string][]) : []),
    ...(player.height_in !== undefined ? ([["Height", formatHeight(player.height_in)]] as [string, string][]) : []),
    ...(player.weight_lb !== undefined ? ([["Weight", formatWeight(player.weight_lb)]] as [string, string][]) : []),
    ...(player.forty !== undefined ? ([["40-yard dash", formatForty(player.forty)]] as [string, string][]) : []),
  ];

  return (
    <dialog
      ref={dialog}
      aria-labelledby="player-card-name"
      onClose={onClose}
      onClick={(e) => e.target === dialog.current && onClose()}
      className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg border border-slate-700 bg-slate-900 p-0 text-slate-100 backdrop:bg-slate-950/70"
      data-testid="player-card"
    >
      <div className="space-y-3 p-4">
        <div className="flex items-start gap-3">
          <h2 id="player-card-name" className="min-w-0 flex-1 text-xl font-bold text-slate-50">
            {player.name}
          </h2>
          <span className="rounded bg-slate-800 px-2 py-1 text-sm font-semibold text-slate-100">{player.position}</span>
        </div>
        <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm">
          {facts.map(([label, value]) => (
            <div key={label} className="flex justify-between gap-2 border-b border-slate-800 py-1">
              <dt className="text-slate-400">{label}</dt>
              <dd className="text-right font-medium tabular-nums text-slate-50">{value}</dd>
            </div>
          ))}
        </dl>
        {player.notes ? (
          <p
            className="whitespace-pre-line rounded-md bg-slate-950/70 p-3 text-sm text-slate-200"
            data-testid="player-notes"
          >
            {player.notes}
          </p>
        ) : (
          <p className="text-sm text-slate-400">No scouting notes on this board.</p>
        )}
        <div className="flex flex-wrap items-center justify-end gap-2">
          {taken && <p className="mr-auto text-sm font-semibold text-amber-200">Drafted</p>}
          {canQueue && !taken && (
            <button type="button" className={buttonClass("secondary")} aria-pressed={queued} onClick={onToggleQueue}>
              {queued ? "★ In your queue" : "☆ Add to queue"}
            </button>
          )}
          {mayPick && !taken && (
            <button ref={primary} type="button" className={buttonClass("primary")} onClick={onDraft}>
              Draft {player.name}
            </button>
          )}
          <button
            ref={mayPick && !taken ? undefined : primary}
            type="button"
            className={buttonClass("secondary")}
            onClick={onClose}
          >
            Close
          </button>
        </div>
      </div>
    </dialog>
  );
}
