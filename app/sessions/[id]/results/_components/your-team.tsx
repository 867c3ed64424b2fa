// The team this browser drafted for, first and large: its grade, every pick
// with its value against the board, and the needs those picks filled.
import type { TeamResultView } from "@/lib/client/replay/results-api";
import { teamColor } from "@/lib/client/team-colors";
import { TeamChip } from "@/app/_components/team-chip";
import { GradeBadge } from "./grade-badge";
import { PickValue } from "./pick-value";

export function YourTeam({ team }: { team: TeamResultView }) {
  const filled = team.needs.filter((n) => n.filled_by).length;
  return (
    <article
      data-testid="your-team"
      data-team={team.team_id}
      aria-labelledby={`your-team-${team.team_id}`}
      className="rounded-lg border border-slate-700 bg-slate-900"
      style={{ borderTop: `6px solid ${teamColor(team.team_id).bg}` }}
    >
      <header className="flex items-center gap-3 border-b border-slate-800 p-3 sm:gap-4 sm:p-4">
        <GradeBadge grade={team.grade} size="lg" />
        <div className="min-w-0">
          <p className="text-xs font-semibold uppercase tracking-wide text-sky-300">Your team</p>
          <h2
            id={`your-team-${team.team_id}`}
            className="flex min-w-0 items-center gap-2 text-xl font-bold sm:text-2xl"
          >
            <TeamChip teamId={team.team_id} className="text-sm" />
            <span className="truncate">{team.name}</span>
          </h2>
          <p className="text-sm text-slate-300">
            {team.grade
              ? `Draft grade ${team.grade} · ${team.grade_score ?? ""} points · value ${team.board_value > 0 ? "+" : team.board_value < 0 ? "−" : ""}${Math.abs(team.board_value)}`
              : "No picks, no grade"}
            {team.needs.length > 0 && ` · needs filled ${filled} / ${team.needs.length}`}
          </p>
        </div>
      </header>
      <ol className="divide-y divide-slate-800 px-3 text-sm sm:px-4">
        {team.picks.map((pick) => (
          <li
            key={pick.overall}
            className="grid grid-cols-[3.5rem_minmax(0,1fr)_auto] items-baseline gap-2 py-1.5 sm:grid-cols-[5.5rem_minmax(0,1fr)_8rem_3rem]"
          >
            <span className="tabular-nums text-slate-400">
              #{pick.overall}
              <span className="hidden text-xs sm:inline"> · R{pick.round}</span>
            </span>
            <span className="truncate font-medium text-slate-50">
              {pick.player.name} <span className="font-normal text-slate-400">{pick.player.position}</span>
            </span>
            <span className="hidden truncate text-xs text-slate-400 sm:block">
              {pick.player.college ?? `board #${pick.player.rank}`}
            </span>
            <PickValue value={pick.value_vs_board} />
          </li>
        ))}
        {team.picks.length === 0 && <li className="py-2 text-slate-400">No picks.</li>}
      </ol>
      {team.needs.length > 0 && (
        <ul className="flex flex-wrap gap-1 border-t border-slate-800 p-3 text-xs sm:px-4" aria-label="Needs">
          {team.needs.map((need, i) => (
            <li
              key={`${need.category}-${i}`}
              title={need.filled_by ? `${need.category}: ${need.filled_by}` : `${need.category}: still open`}
              className={`rounded px-1.5 py-0.5 ${need.filled_by ? "bg-emerald-900 text-emerald-100" : "border border-slate-600 text-slate-300"}`}
            >
              {need.filled_by ? `✓ ${need.category} ${need.filled_by}` : need.category}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
