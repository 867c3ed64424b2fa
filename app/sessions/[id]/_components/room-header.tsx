// Session name, status, who you are in this room, and who else is here:
// a dot per human seat (green when connected) and the spectator count. While
// this page is itself offline it cannot know who is here, so it says nothing
// is known rather than showing the last (stale) "online".
import type { ReactNode } from "react";
import type { Role } from "@/lib/client/room-events";
import type { PresenceEvent, Snapshot } from "@/lib/protocol/shapes";
import { StatusBadge } from "@/app/_components/ui";

interface Props {
  snapshot: Snapshot | null;
  role: Role | null;
  teamId: string | null;
  teamNames: Map<string, string>;
  presence: PresenceEvent | null;
  /** this page is connected to the server */
  live: boolean;
  /** Controls for this seat (alert switches), at the end of the row. */
  children?: ReactNode;
}

function roleLabel(role: Role | null, teamId: string | null, teamNames: Map<string, string>): string {
  if (role === "team" && teamId) return `You: ${teamNames.get(teamId) ?? teamId}`;
  if (role === "admin") return "League admin";
  if (role === "spectator") return "Spectating";
  return "Joining…";
}

export function RoomHeader({ snapshot, role, teamId, teamNames, presence, live, children }: Props) {
  const humans = snapshot?.teams.filter((t) => t.controller === "human") ?? [];
  const connected = new Map((presence?.teams ?? []).map((t) => [t.team_id, t.connected]));
  return (
    <div className="flex min-h-14 flex-wrap items-center gap-x-3 gap-y-1">
      <h1 className="mr-auto min-w-0 max-w-full truncate text-xl font-bold text-slate-50">
        {snapshot?.name ?? "Draft room"}
      </h1>
      {snapshot && <StatusBadge status={snapshot.status} />}
      <span className="rounded bg-slate-800 px-2 py-0.5 text-sm text-slate-100" data-testid="role">
        {roleLabel(role, teamId, teamNames)}
      </span>
      <ul
        aria-label="Who is here"
        className="flex flex-wrap items-center gap-x-2 text-sm text-slate-300"
        data-testid="presence"
      >
        {humans.map((t) => {
          const on = connected.get(t.team_id) ?? false;
          const word = !live ? "unknown while you are offline" : on ? "online" : "offline";
          return (
            <li
              key={t.team_id}
              className={`flex items-center gap-1 ${live ? "" : "text-slate-500"}`}
              title={`${t.name}: ${word}`}
              data-online={live ? on : "unknown"}
            >
              <span
                aria-hidden
                className={`h-2 w-2 rounded-full ${!live ? "border border-slate-500" : on ? "bg-emerald-400" : "bg-slate-600"}`}
              />
              {t.team_id}
              <span className="sr-only">{word}</span>
            </li>
          );
        })}
        {presence && live && <li>· {presence.spectators} watching</li>}
      </ul>
      {children}
    </div>
  );
}
