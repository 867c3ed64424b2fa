"use client";
// Seat links after creation: tokens are stored hashed, so the only way to
// hand a seat out again is a fresh token; the old link stops working at once.
import { useEffect, useState } from "react";
import { adminApi, seatLink } from "@/lib/client/admin/admin-api";
import { describeError } from "@/lib/client/fetch-json";
import type { Snapshot } from "@/lib/protocol/shapes";
import { buttonClass, MessageLine, Panel } from "@/app/_components/ui";
import { CopyButton } from "./copy-button";

export function SeatRotation({ sessionId, snapshot }: { sessionId: string; snapshot: Snapshot }) {
  const [origin, setOrigin] = useState("");
  useEffect(() => setOrigin(window.location.origin), []);
  const [links, setLinks] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const humans = snapshot.teams.filter((t) => t.controller === "human");

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
    <Panel title="Seat links">
      <div className="space-y-2 p-3 text-sm">
        <p className="text-slate-300">A new link replaces the seat&apos;s old one.</p>
        <ul className="space-y-2" data-testid="seat-rotation">
          {humans.map((team) => (
            <li key={team.team_id} className="rounded-md border border-slate-700 p-2">
              <div className="flex items-center justify-between gap-2">
                <span className="font-semibold" title={team.name}>
                  {team.team_id}
                </span>
                <span className="flex gap-2">
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
          ))}
          {humans.length === 0 && <li className="text-slate-400">Every team is CPU.</li>}
        </ul>
        <MessageLine message={error} />
      </div>
    </Panel>
  );
}
