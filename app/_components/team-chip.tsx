// A club abbreviation on its club colour, the same everywhere in the app.
import { teamColor } from "@/lib/client/team-colors";

export function TeamChip({ teamId, title, className = "" }: { teamId: string; title?: string; className?: string }) {
  const color = teamColor(teamId);
  return (
    <span
      title={title}
      className={`inline-flex min-w-9 items-center justify-center rounded px-1.5 text-xs font-bold leading-5 ${className}`}
      style={{ backgroundColor: color.bg, color: color.fg }}
    >
      {teamId}
    </span>
  );
}
