// Board value per team as a diverging bar chart: right (green) when a team's
// players came later than their board rank (value found), left (red) when it
// reached. Plain elements, not a canvas, so every number is also readable text.
import type { TeamResultView } from "@/lib/client/replay/results-api";
import { teamColor } from "@/lib/client/team-colors";
import { Panel } from "@/app/_components/ui";

export function ValueChart({ teams }: { teams: TeamResultView[] }) {
  const max = Math.max(1, ...teams.map((t) => Math.abs(t.board_value)));
  return (
    <Panel title="Board value by team" actions={<span className="text-xs text-slate-300">Σ (pick − board rank)</span>}>
      {/* columns, not a grid: the ranking reads down the first column, then the second */}
      <ol className="gap-x-6 p-3 text-xs md:columns-2" data-testid="value-chart">
        {teams.map((team) => {
          const width = `${(Math.abs(team.board_value) / max) * 50}%`;
          const positive = team.board_value >= 0;
          return (
            <li
              key={team.team_id}
              className="mb-0.5 grid break-inside-avoid grid-cols-[3rem_minmax(0,1fr)_3.5rem] items-center gap-2"
              data-team={team.team_id}
            >
              <span
                className="rounded px-1 text-center font-bold"
                style={{ backgroundColor: teamColor(team.team_id).bg, color: teamColor(team.team_id).fg }}
              >
                {team.team_id}
              </span>
              <span className="relative h-3.5 rounded-sm bg-slate-800" aria-hidden>
                <span className="absolute inset-y-0 left-1/2 w-px bg-slate-500" />
                <span
                  className={`absolute inset-y-0 rounded-sm ${positive ? "left-1/2 bg-emerald-500" : "right-1/2 bg-rose-500"}`}
                  style={{ width }}
                />
              </span>
              <span className={`text-right tabular-nums ${positive ? "text-emerald-300" : "text-rose-300"}`}>
                {positive && team.board_value > 0 ? "+" : ""}
                {team.board_value}
              </span>
            </li>
          );
        })}
      </ol>
    </Panel>
  );
}
