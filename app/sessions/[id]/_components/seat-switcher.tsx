// A solo mock may draft for several teams from one tab: one button per seat,
// the active one pressed, and a dot on a seat that is on the clock.
import { teamColor } from "@/lib/client/team-colors";

export function SeatSwitcher({
  seats,
  active,
  current,
  onSwitch,
}: {
  seats: string[];
  active: string | null;
  current: string | null;
  onSwitch: (team: string) => void;
}) {
  return (
    <nav aria-label="Your teams" className="flex flex-wrap items-center gap-2 text-sm">
      <span className="text-slate-300">Your teams:</span>
      {seats.map((team) => {
        const color = teamColor(team);
        return (
          <button
            key={team}
            type="button"
            aria-pressed={team === active}
            onClick={() => onSwitch(team)}
            className={`flex min-h-9 items-center gap-1 rounded-md border-2 px-2 font-bold ${team === active ? "border-sky-300" : "border-transparent"}`}
            style={{ backgroundColor: color.bg, color: color.fg }}
          >
            {team}
            {team === current && <span aria-label="on the clock">●</span>}
          </button>
        );
      })}
    </nav>
  );
}
