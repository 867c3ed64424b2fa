// Session name, status, who you are in this room and who else is here.
import type { Role } from "@/lib/client/room-events";
import type { PresenceEvent, Snapshot } from "@/lib/protocol/shapes";
import { StatusBadge } from "@/app/_components/ui";

interface Props {
  snapshot: Snapshot | null;
  role: Role | null;
  teamId: string | null;
  teamNames: Map<string, string>;
  presence: PresenceEvent | null;
}

function roleLabel(role: Role | null, teamId: string | null, teamNames: Map<string, string>): string {
  if (role === "team" && teamId) return `Drafting for ${teamNames.get(teamId) ?? teamId} (${teamId})`;
  if (role === "admin") return "League admin";
  if (role === "spectator") return "Spectator";
  return "Joining…";
}

export function RoomHeader({ snapshot, role, teamId, teamNames, presence }: Props) {
  const connectedTeams = presence?.teams.filter((t) => t.connected).length ?? 0;
  return (
    <div className="flex min-h-14 flex-wrap items-center gap-x-3 gap-y-1">
      <h1 className="mr-auto min-w-0 truncate text-xl font-bold text-slate-50">{snapshot?.name ?? "Draft room"}</h1>
      {snapshot && <StatusBadge status={snapshot.status} />}
      <span className="rounded bg-slate-800 px-2 py-0.5 text-sm text-slate-100">{roleLabel(role, teamId, teamNames)}</span>
      {presence && (
        <span className="text-sm text-slate-400">
          {connectedTeams} team{connectedTeams === 1 ? "" : "s"} online · {presence.spectators} watching
        </span>
      )}
    </div>
  );
}
