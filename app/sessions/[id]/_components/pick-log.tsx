// The picks as they happen, newest first. Not a live region itself: the room's
// announcer speaks one line per pick instead of the whole list.
import type { Snapshot } from "@/lib/protocol/shapes";
import { TeamChip } from "@/app/_components/team-chip";

export function PickLog({ snapshot, teamNames }: { snapshot: Snapshot; teamNames: Map<string, string> }) {
  const picks = [...snapshot.picks].sort((a, b) => b.overall - a.overall);
  return (
    <ol className="text-sm" data-testid="pick-log">
      {picks.length === 0 && <li className="p-3 text-slate-400">No picks yet.</li>}
      {picks.map((pick) => (
        <li key={`${pick.overall}:${pick.player.player_id}`} className="border-b border-slate-800/70 px-3 py-2">
          <div className="flex items-center gap-2">
            <span className="w-9 tabular-nums text-slate-400">#{pick.overall}</span>
            <TeamChip teamId={pick.team_id} title={teamNames.get(pick.team_id)} />
            <span className="min-w-0 flex-1 truncate text-slate-50">{pick.player.name}</span>
            <span className="text-xs text-slate-300">{pick.player.position}</span>
            {pick.auto && <span className="rounded bg-slate-700 px-1 text-xs text-slate-100">auto</span>}
          </div>
        </li>
      ))}
    </ol>
  );
}
