"use client";
// The live session list: refreshed every 3 s, with Watch and Claim per session.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { api, errorMessage, type LobbyEntryView } from "@/lib/client/api";
import { displayNameStore, seatTokenStore } from "@/lib/client/storage";
import { buttonClass, inputClass, labelClass, MessageLine, Panel, StatusBadge } from "./ui";

const REFRESH_MS = 3000;

export function SessionList({ adminKey }: { adminKey: string | null }) {
  const router = useRouter();
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
        setSessions(await api.listSessions(controller.signal));
        setListError(null);
      } catch (err) {
        if (controller.signal.aborted) return;
        setListError(errorMessage(err));
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
      return;
    }
    displayNameStore.set(name);
    setClaiming(`${sessionId}:${teamId}`);
    setClaimError(null);
    try {
      const { token } = await api.claimSeat(sessionId, teamId, name);
      seatTokenStore.set(sessionId, token);
      router.push(`/sessions/${sessionId}?token=${encodeURIComponent(token)}`);
    } catch (err) {
      setClaimError({ session_id: sessionId, message: errorMessage(err) });
      setClaiming(null);
    }
  }

  return (
    <Panel title="Sessions">
      <div className="border-b border-slate-800 p-3">
        <label htmlFor="display-name" className={labelClass}>Your name (for claiming a seat)</label>
        <input id="display-name" className={`${inputClass} max-w-xs`} maxLength={40} value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
      </div>
      <div className="px-3 pt-2">
        <MessageLine message={listError} />
      </div>
      <ul className="divide-y divide-slate-800">
        {sessions === null && !listError && <li className="p-3 text-sm text-slate-400">Loading sessions…</li>}
        {sessions?.length === 0 && <li className="p-3 text-sm text-slate-400">No sessions yet. Create a league and a session to start.</li>}
        {sessions?.map((s) => (
          <li key={s.session_id} className="space-y-2 p-3">
            <div className="flex flex-wrap items-center gap-2">
              <h3 className="mr-auto min-w-0 truncate font-semibold text-slate-50">{s.name}</h3>
              <StatusBadge status={s.status} />
            </div>
            <p className="text-sm text-slate-300">
              {s.current_pick
                ? `On the clock: ${s.current_pick.team_id} — round ${s.current_pick.round}, pick ${s.current_pick.pick_in_round} (#${s.current_pick.overall})`
                : s.status === "complete" ? "Draft complete" : "Not started"}
              {" · "}
              {s.open_seats.length === 0 ? "no open seats" : `${s.open_seats.length} open seat${s.open_seats.length === 1 ? "" : "s"}`}
            </p>
            <div className="flex flex-wrap gap-2">
              <Link className={buttonClass("secondary")} href={`/sessions/${s.session_id}`}>Watch</Link>
              {adminKey && <Link className={buttonClass("secondary")} href={`/sessions/${s.session_id}?admin=1`}>Admin</Link>}
              {s.open_seats.map((teamId) => (
                <button key={teamId} type="button" className={buttonClass("primary")} disabled={claiming !== null} onClick={() => void claim(s.session_id, teamId)}>
                  Claim {teamId}
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
