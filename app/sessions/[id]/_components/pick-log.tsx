// The picks as they happen, newest first.
import type { Snapshot } from "@/lib/protocol/shapes";
import { Panel } from "@/app/_components/ui";

export function PickLog({ snapshot, teamNames, className = "" }: { snapshot: Snapshot | null; teamNames: Map<string, string>; className?: string }) {
  const picks = [...(snapshot?.picks ?? [])].sort((a, b) => b.overall - a.overall);
  return (
    <Panel title={`Pick log${snapshot ? ` (${picks.length})` : ""}`} className={className}>
      <ol aria-live="polite" aria-relevant="additions" className="h-72 overflow-y-auto text-sm lg:h-[36rem]">
        {snapshot && picks.length === 0 && <li className="p-3 text-slate-400">No picks yet.</li>}
        {picks.map((pick) => (
          <li key={`${pick.overall}:${pick.player.player_id}`} className="border-b border-slate-800/70 px-3 py-2">
            <div className="flex items-baseline gap-2">
              <span className="tabular-nums text-slate-400">#{pick.overall}</span>
              <span className="font-semibold" title={teamNames.get(pick.team_id)}>{pick.team_id}</span>
              {pick.auto && <span className="rounded bg-slate-700 px-1 text-xs text-slate-200">auto</span>}
            </div>
            <p className="truncate text-slate-100">
              {pick.player.name} <span className="text-slate-400">· {pick.player.position}{pick.player.college ? ` · ${pick.player.college}` : ""}</span>
            </p>
          </li>
        ))}
      </ol>
    </Panel>
  );
}
