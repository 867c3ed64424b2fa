"use client";
// The human seats: who holds each one, whether they are in the room now, and
// a fresh link for a seat (tokens are stored hashed, so the only way to hand a
// seat out again is a new token; the old link stops working at once).
import { useEffect, useState } from "react";
import { adminApi, seatLink } from "@/lib/client/admin/admin-api";
import { describeError } from "@/lib/client/fetch-json";
import type { SeatHolder } from "@/lib/protocol/routes";
import type { PresenceEvent, Snapshot } from "@/lib/protocol/shapes";
import { buttonClass, MessageLine, Panel } from "@/app/_components/ui";
import { CopyButton } from "./copy-button";

interface Props {
  sessionId: string;
  snapshot: Snapshot;
  presence: PresenceEvent | null;
}

/** What the commissioner reads about a seat's holder. */
function holderText(seat: SeatHolder | undefined): string {
  if (!seat) return "…";
  if (!seat.claimed) return "Nobody yet: its link is unused";
  return seat.display_name ? `Held by ${seat.display_name}` : "Held by whoever has its link";
}

export function SeatRotation({ sessionId, snapshot, presence }: Props) {
  const [origin, setOrigin] = useState("");
  useEffect(() => setOrigin(window.location.origin), []);
  const [links, setLinks] = useState<Record<string, string>>({});
  const [holders, setHolders] = useState<Record<string, SeatHolder>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const humans = snapshot.teams.filter((t) => t.controller === "human");
  const connected = new Set(presence?.teams.filter((t) => t.connected).map((t) => t.team_id));

  // a seat changes hands when someone joins with its link or takes it in the lobby, which also shows as presence.
  // A superseded answer is ignored rather than aborted: presence can change faster than the answer comes.
  useEffect(() => {
    let current = true;
    adminApi
      .seats(sessionId)
      .then((seats) => {
        if (current) setHolders(Object.fromEntries(seats.map((seat) => [seat.team_id, seat])));
      })
      .catch((err: unknown) => {
        if (current) setError(describeError(err));
      });
    return () => {
      current = false;
    };
  }, [sessionId, presence, links]);

  async function rotate(teamId: string) {
    setBusy(teamId);
    setError(null);
    try {
      const { token } = await adminApi.rotateSeat(sessionId, teamId);
      setLinks((current) => ({ ...current, [teamId]: seatLink(origin, sessionId, token) }));
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(null);
    }
  }

  return (
    <Panel title="Seats">
      <div className="space-y-2 p-3 text-sm">
        <p className="text-slate-300">A new link replaces the seat&apos;s old one.</p>
        <ul className="space-y-2" data-testid="seat-rotation">
          {humans.map((team) => {
            const online = connected.has(team.team_id);
            return (
              <li key={team.team_id} className="rounded-md border border-slate-700 p-2" data-seat={team.team_id}>
                <div className="flex items-center justify-between gap-2">
                  <span className="min-w-0">
                    <span className="font-semibold" title={team.name}>
                      {team.team_id}
                    </span>
                    <span className="ml-2 text-slate-300" data-testid="seat-holder">
                      {holderText(holders[team.team_id])}
                    </span>
                    <span
                      className={`ml-2 inline-flex items-center gap-1 text-xs ${online ? "text-emerald-300" : "text-slate-400"}`}
                      data-testid="seat-connection"
                    >
                      <span
                        aria-hidden
                        className={`h-2 w-2 rounded-full ${online ? "bg-emerald-400" : "bg-slate-600"}`}
                      />
                      {online ? "in the room" : "not connected"}
                    </span>
                  </span>
                  <span className="flex shrink-0 gap-2">
                    <button
                      type="button"
                      className={buttonClass("secondary")}
                      disabled={busy !== null}
                      onClick={() => void rotate(team.team_id)}
                    >
                      {busy === team.team_id ? "…" : "New link"}
                    </button>
                    {links[team.team_id] && (
                      <CopyButton text={links[team.team_id]!} label={`Copy ${team.team_id} link`} />
                    )}
                  </span>
                </div>
                {links[team.team_id] && (
                  <code className="mt-1 block break-all text-xs text-slate-400" data-seat-link={team.team_id}>
                    {links[team.team_id]}
                  </code>
                )}
              </li>
            );
          })}
          {humans.length === 0 && <li className="text-slate-400">Every team is CPU.</li>}
        </ul>
        <MessageLine message={error} />
      </div>
    </Panel>
  );
}
