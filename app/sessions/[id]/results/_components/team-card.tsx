// One team's draft: its grade, its picks (with value against the board), the
// needs it came in with and who filled them, and its trades on the session's chart.
import type { TeamResultView } from "@/lib/client/replay/results-api";
import { teamColor } from "@/lib/client/team-colors";
import { futurePickLabel } from "@/lib/client/trade-words";
import { GradeBadge } from "./grade-badge";
import { PickValue } from "./pick-value";

export function TeamCard({ team }: { team: TeamResultView }) {
  const color = teamColor(team.team_id);
  const filled = team.needs.filter((n) => n.filled_by).length;
  return (
    <article
      className="flex flex-col rounded-lg border border-slate-800 bg-slate-900"
      data-team={team.team_id}
      aria-labelledby={`team-${team.team_id}`}
    >
      <header
        className="flex items-center gap-2 border-b border-slate-800 px-3 py-2"
        style={{ borderTop: `4px solid ${color.bg}` }}
      >
        <span className="rounded px-1.5 text-sm font-bold" style={{ backgroundColor: color.bg, color: color.fg }}>
          {team.team_id}
        </span>
        <h2 id={`team-${team.team_id}`} className="mr-auto truncate text-sm font-semibold text-slate-50">
          {team.name}
        </h2>
        <span className="whitespace-nowrap text-xs tabular-nums text-slate-300" title="Board value">
          value {team.board_value > 0 ? "+" : ""}
          {team.board_value}
        </span>
        <GradeBadge grade={team.grade} />
      </header>
      <ol className="space-y-0.5 px-3 py-2 text-sm">
        {team.picks.map((pick) => (
          <li key={pick.overall} className="grid grid-cols-[2.75rem_minmax(0,1fr)_2.5rem] items-baseline gap-1">
            <span className="tabular-nums text-slate-400">#{pick.overall}</span>
            <span className="truncate">
              {pick.player.name} <span className="text-slate-400">{pick.player.position}</span>
            </span>
            <PickValue value={pick.value_vs_board} />
          </li>
        ))}
        {team.picks.length === 0 && <li className="text-slate-400">No picks.</li>}
      </ol>
      <div className="mt-auto border-t border-slate-800 px-3 py-2 text-xs">
        <p className="mb-1 font-semibold uppercase tracking-wide text-slate-300">
          Needs filled {filled} / {team.needs.length}
        </p>
        <ul className="flex flex-wrap gap-1">
          {team.needs.map((need, i) => (
            <li
              key={`${need.category}-${i}`}
              title={need.filled_by ? `${need.category}: ${need.filled_by}` : `${need.category}: still open`}
              className={`rounded px-1.5 py-0.5 ${need.filled_by ? "bg-emerald-900 text-emerald-100" : "border border-slate-600 text-slate-300"}`}
            >
              {need.filled_by ? "✓ " : ""}
              {need.category}
              <span className="sr-only">{need.filled_by ? ` filled by ${need.filled_by}` : " open"}</span>
            </li>
          ))}
        </ul>
        {team.trades.count > 0 && (
          <p className="mt-2 text-slate-300">
            {team.trades.count} trade{team.trades.count === 1 ? "" : "s"} ({team.trades.chart}): in{" "}
            {team.trades.value_in}, out {team.trades.value_out}, net{" "}
            <span className={team.trades.net >= 0 ? "text-emerald-300" : "text-rose-300"}>
              {team.trades.net > 0 ? "+" : ""}
              {team.trades.net}
            </span>
          </p>
        )}
        {futureLine(team) && <p className="mt-1 text-slate-300">{futureLine(team)}</p>}
      </div>
    </article>
  );
}

/** "Future picks: got Next year R1 (CHI); gave In 2 years R2 (KC)", or null when none moved. */
function futureLine(team: TeamResultView): string | null {
  const moved = team.future_picks;
  if (!moved || (moved.gained.length === 0 && moved.traded_away.length === 0)) return null;
  const parts = [
    ...(moved.gained.length ? [`got ${moved.gained.map(futurePickLabel).join(", ")}`] : []),
    ...(moved.traded_away.length ? [`gave ${moved.traded_away.map(futurePickLabel).join(", ")}`] : []),
  ];
  return `Future picks: ${parts.join("; ")}`;
}
