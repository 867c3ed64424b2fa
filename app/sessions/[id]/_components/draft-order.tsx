"use client";
// Every slot of the draft, filled in with the player once picked. The list
// scrolls itself (not the page) to keep the pick on the clock in view.
import { useEffect, useMemo, useRef } from "react";
import type { Pick, Snapshot } from "@/lib/protocol/shapes";
import { Panel } from "@/app/_components/ui";

export function DraftOrder({ snapshot, className = "" }: { snapshot: Snapshot | null; className?: string }) {
  const listRef = useRef<HTMLOListElement>(null);
  const picks = useMemo(() => new Map<number, Pick>((snapshot?.picks ?? []).map((p) => [p.overall, p])), [snapshot?.picks]);
  const currentOverall = snapshot?.current_pick?.overall ?? null;

  useEffect(() => {
    const list = listRef.current;
    const row = list?.querySelector<HTMLElement>(`[data-overall="${currentOverall}"]`);
    // scrollTop on the list, not scrollIntoView, which would also scroll the page
    if (list && row) list.scrollTop = Math.max(0, row.offsetTop - 48);
  }, [currentOverall]);

  return (
    <Panel title="Draft order" className={className}>
      <ol ref={listRef} className="relative h-72 overflow-y-auto text-sm lg:h-[36rem]">
        {!snapshot && <li className="p-3 text-slate-400">Loading…</li>}
        {snapshot?.order.map((slot) => {
          const pick = picks.get(slot.overall);
          const isCurrent = slot.overall === currentOverall;
          return (
            <li
              key={slot.overall}
              data-overall={slot.overall}
              aria-current={isCurrent ? "step" : undefined}
              className={`grid grid-cols-[3.5rem_3rem_minmax(0,1fr)] items-baseline gap-1 border-b border-slate-800/70 px-3 py-1.5 ${isCurrent ? "bg-sky-950 text-sky-100" : ""}`}
            >
              <span className="tabular-nums text-slate-400">
                {slot.round}.{slot.pick_in_round.toString().padStart(2, "0")}
              </span>
              <span className="font-semibold" title={slot.original_team_id !== slot.team_id ? `via ${slot.original_team_id}` : undefined}>
                {slot.team_id}
                {slot.original_team_id !== slot.team_id && <span className="text-xs text-slate-400">*</span>}
              </span>
              <span className="truncate text-slate-300">
                {pick ? `${pick.player.name} · ${pick.player.position}` : isCurrent ? "on the clock" : ""}
              </span>
            </li>
          );
        })}
      </ol>
    </Panel>
  );
}
