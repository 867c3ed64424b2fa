"use client";
// The lobby's session list, refreshed every 3 s without a reload: live rooms
// (Watch, and Claim for every open seat under a name remembered locally),
// finished drafts (Results, Replay), and rooms nobody has been in for a day
// (folded away: mostly abandoned solo mocks).
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

type Group = "live" | "finished" | "inactive";
const GROUPS: { key: Group; title: string; empty: string }[] = [
  {
    key: "live",
    title: "Live",
    empty: "No live drafts right now. Start a solo mock, or run one from the admin console.",
  },
  { key: "finished", title: "Finished", empty: "No finished drafts yet." },
  { key: "inactive", title: "Inactive", empty: "None." },
];

/** Live rooms (running first), finished drafts, and rooms nobody has been in for a day, each newest first. */
function groupSessions(list: LobbyEntryView[]): Record<Group, LobbyEntryView[]> {
  const groups: Record<Group, LobbyEntryView[]> = { live: [], finished: [], inactive: [] };
  for (const entry of list)
    groups[entry.status === "complete" ? "finished" : entry.inactive ? "inactive" : "live"].push(entry);
  groups.live.sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status]);
  return groups;
}

export function SessionList({ className = "" }: { className?: string }) {
  const [sessions, setSessions] = useState<LobbyEntryView[] | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [displayName, setDisplayName] = useState("");
  const [claiming, setClaiming] = useState<string | null>(null);
  const [claimError, setClaimError] = useState<{ session_id: string; message: string } | null>(null);

  // the remembered name, unless the person already typed one
  useEffect(() => setDisplayName((typed) => typed || (displayNameStore.get() ?? "")), []);

  // a timeout chain, not setInterval: a slow answer never overlaps the next request. Leaving the page stops
  // the chain but lets a request in flight finish (its answer is ignored): aborting it would show up as a failed
  // request on the way out
  useEffect(() => {
    let stopped = false;
    let timer: number | undefined;
    const load = async () => {
      try {
        const list = await api.listSessions();
        if (stopped) return;
        setSessions(list);
        setListError(null);
      } catch (err) {
        if (stopped) return;
        setListError(`${describeError(err)} Retrying…`);
      }
      if (!stopped) timer = window.setTimeout(() => void load(), REFRESH_MS);
    };
    void load();
    return () => {
      stopped = true;
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

  const groups = sessions ? groupSessions(sessions) : null;
  const rows = (list: LobbyEntryView[]) => (
    <ul className="divide-y divide-slate-800" aria-live="off">
      {list.map((s) => (
        <SessionRow
          key={s.session_id}
          session={s}
          claiming={claiming}
          claimError={claimError?.session_id === s.session_id ? claimError.message : null}
          onClaim={(teamId) => void claim(s.session_id, teamId)}
        />
      ))}
    </ul>
  );

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
      {sessions === null && !listError && <p className="p-3 text-sm text-slate-400">Loading sessions…</p>}
      {sessions?.length === 0 && (
        <p className="p-3 text-sm text-slate-400">No sessions yet. Start a solo mock to begin.</p>
      )}
      {groups && (
        <div data-testid="session-list">
          {GROUPS.map(({ key, title, empty }) => (
            <section key={key} aria-labelledby={`sessions-${key}`} data-group={key}>
              <h3
                id={`sessions-${key}`}
                className="border-y border-slate-800 bg-slate-950/40 px-3 py-1.5 text-xs font-semibold uppercase tracking-wide text-slate-400"
              >
                {title} ({groups[key].length})
              </h3>
              {key === "inactive" && groups.inactive.length > 0 ? (
                <details>
                  <summary className="cursor-pointer px-3 py-2 text-sm text-slate-300 hover:text-slate-100">
                    Nobody has been in these for a day. Show them
                  </summary>
                  {rows(groups.inactive)}
                </details>
              ) : groups[key].length === 0 ? (
                <p className="px-3 py-2 text-sm text-slate-400">{empty}</p>
              ) : (
                rows(groups[key])
              )}
            </section>
          ))}
        </div>
      )}
    </Panel>
  );
}

interface RowProps {
  session: LobbyEntryView;
  claiming: string | null;
  claimError: string | null;
  onClaim: (teamId: string) => void;
}

function seatsText(s: LobbyEntryView): string {
  if (s.status === "complete") return "";
  if (s.seat_access === "invite") return "seats by invitation";
  if (s.open_seats.length === 0) return "no open seats";
  return `${s.open_seats.length} open seat${s.open_seats.length === 1 ? "" : "s"}`;
}

function SessionRow({ session: s, claiming, claimError, onClaim }: RowProps) {
  const seats = seatsText(s);
  return (
    <li className="space-y-2 p-3" data-session-id={s.session_id}>
      <div className="flex flex-wrap items-center gap-2">
        <h4 className="mr-auto min-w-0 truncate font-semibold text-slate-50">{s.name}</h4>
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
        {seats && (
          <>
            <span aria-hidden>·</span>
            <span>{seats}</span>
          </>
        )}
      </p>
      <div className="flex flex-wrap gap-2">
        {s.status === "complete" ? (
          <>
            <a
              className={buttonClass("primary")}
              href={`/sessions/${s.session_id}/results`}
              aria-label={`Results of ${s.name}`}
            >
              Results
            </a>
            <a
              className={buttonClass("secondary")}
              href={`/sessions/${s.session_id}/replay`}
              aria-label={`Replay ${s.name}`}
            >
              Replay
            </a>
            <a className={buttonClass("secondary")} href={`/sessions/${s.session_id}`} aria-label={`Open ${s.name}`}>
              Board
            </a>
          </>
        ) : (
          <>
            <a className={buttonClass("secondary")} href={`/sessions/${s.session_id}`} aria-label={`Watch ${s.name}`}>
              Watch
            </a>
            {s.open_seats.map((teamId) => (
              <button
                key={teamId}
                type="button"
                className={buttonClass("primary")}
                disabled={claiming !== null}
                aria-label={`Claim the ${teamId} seat in ${s.name}`}
                onClick={() => onClaim(teamId)}
              >
                {claiming === `${s.session_id}:${teamId}` ? "Claiming…" : `Claim ${teamId}`}
              </button>
            ))}
          </>
        )}
      </div>
      {claimError && <MessageLine message={claimError} />}
    </li>
  );
}
