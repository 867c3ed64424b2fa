"use client";
// The live session list: refreshed every 3 s without a reload, with Watch,
// and Claim for every open seat (under a display name remembered locally).
// Room links are plain <a>: entering a room is a full page load (enter-room.ts).
import { useEffect, useState } from "react";
import { enterRoom } from "@/lib/client/enter-room";
import { api, type LobbyEntryView } from "@/lib/client/api";
import { describeError } from "@/lib/client/fetch-json";
import { displayNameStore, mySeatsStore, seatTokenStore } from "@/lib/client/storage";
import { TeamChip } from "./team-chip";
import { buttonClass, inputClass, labelClass, MessageLine, Panel, StatusBadge } from "./ui";

const REFRESH_MS = 3000;
const STATUS_ORDER = { running: 0, paused: 1, lobby: 2, complete: 3 } as const;

export function SessionList({ className = "" }: { className?: string }) {
  const [sessions, setSessions] = useState<LobbyEntryView[] | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [displayName, setDisplayName] = useState("");
  const [claiming, setClaiming] = useState<string | null>(null);
  const [claimError, setClaimError] = useState<{ session_id: string; message: string } | null>(null);

  useEffect(() => setDisplayName(displayNameStore.get() ?? ""), []);

  // a timeout chain, not setInterval: a slow answer never overlaps the next request
  useEffect(() => {
    const controller = new AbortController();
    let timer: number | undefined;
    const load = async () => {
      try {
        const list = await api.listSessions(controller.signal);
        // live drafts first; the real historical drafts (complete) sink to the bottom
        setSessions([...list].sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status]));
        setListError(null);
      } catch (err) {
        if (controller.signal.aborted) return;
        setListError(`${describeError(err)} Retrying…`);
      }
      if (!controller.signal.aborted) timer = window.setTimeout(() => void load(), REFRESH_MS);
    };
    void load();
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, []);

  async function claim(sessionId: string, teamId: string) {
    const name = displayName.trim();
    if (!name) {
      setClaimError({ session_id: sessionId, message: "Enter your name above before claiming a seat." });
      document.getElementById("display-name")?.focus();
      return;
    }
    displayNameStore.set(name);
    setClaiming(`${sessionId}:${teamId}`);
    setClaimError(null);
    try {
      const { token } = await api.claimSeat(sessionId, teamId, name);
      seatTokenStore.set(sessionId, token);
      mySeatsStore.add(sessionId, { [teamId]: token });
      enterRoom(sessionId);
    } catch (err) {
      setClaimError({ session_id: sessionId, message: describeError(err) });
      setClaiming(null);
    }
  }

  return (
    <Panel title={`Sessions${sessions ? ` (${sessions.length})` : ""}`} className={className}>
      <div className="border-b border-slate-800 p-3">
        <label htmlFor="display-name" className={labelClass}>
          Your name (to claim a seat)
        </label>
        <input
          id="display-name"
          className={`${inputClass} max-w-xs`}
          maxLength={40}
          autoComplete="nickname"
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
        />
      </div>
      <div className="px-3 pt-1">
        <MessageLine message={listError} />
      </div>
      <ul className="divide-y divide-slate-800" aria-live="off" data-testid="session-list">
        {sessions === null && !listError && <li className="p-3 text-sm text-slate-400">Loading sessions…</li>}
        {sessions?.length === 0 && (
          <li className="p-3 text-sm text-slate-400">No sessions yet. Start a solo mock to begin.</li>
        )}
        {sessions?.map((s) => (
          <li key={s.session_id} className="space-y-2 p-3" data-session-id={s.session_id}>
            <div className="flex flex-wrap items-center gap-2">
              <h3 className="mr-auto min-w-0 truncate font-semibold text-slate-50">{s.name}</h3>
              <StatusBadge status={s.status} />
            </div>
            <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-slate-300">
              {s.current_pick ? (
                <>
                  <span>On the clock</span>
                  <TeamChip teamId={s.current_pick.team_id} />
                  <span className="tabular-nums">
                    Rd {s.current_pick.round}, pick {s.current_pick.pick_in_round} (#{s.current_pick.overall})
                  </span>
                </>
              ) : (
                <span>{s.status === "complete" ? "Draft complete" : "Not started"}</span>
              )}
              <span aria-hidden>·</span>
              <span>
                {s.open_seats.length === 0
                  ? "no open seats"
                  : `${s.open_seats.length} open seat${s.open_seats.length === 1 ? "" : "s"}`}
              </span>
            </p>
            <div className="flex flex-wrap gap-2">
              <a className={buttonClass("secondary")} href={`/sessions/${s.session_id}`} aria-label={`Watch ${s.name}`}>
                Watch
              </a>
              {s.status === "complete" && (
                <a
                  className={buttonClass("secondary")}
                  href={`/sessions/${s.session_id}/replay`}
                  aria-label={`Replay ${s.name}`}
                >
                  Replay
                </a>
              )}
              {s.status !== "complete" &&
                s.open_seats.map((teamId) => (
                  <button
                    key={teamId}
                    type="button"
                    className={buttonClass("primary")}
                    disabled={claiming !== null}
                    aria-label={`Claim the ${teamId} seat in ${s.name}`}
                    onClick={() => void claim(s.session_id, teamId)}
                  >
                    {claiming === `${s.session_id}:${teamId}` ? "Claiming…" : `Claim ${teamId}`}
                  </button>
                ))}
            </div>
            {claimError?.session_id === s.session_id && <MessageLine message={claimError.message} />}
          </li>
        ))}
      </ul>
    </Panel>
  );
}
