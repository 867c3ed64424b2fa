"use client";
// The league's sessions, refreshed every few seconds (and at once when the
// console changes something), each a button that selects it for running.
import { useEffect, useState } from "react";
import { adminApi, type AdminSessionEntry } from "@/lib/client/admin/admin-api";
import { describeError } from "@/lib/client/fetch-json";
import { MessageLine, Panel, StatusBadge } from "@/app/_components/ui";

const REFRESH_MS = 4000;

interface Props {
  selected: string | null;
  onSelect: (sessionId: string) => void;
  version: number;
  /** the selected session as the live view sees it, newer than the last poll */
  live: Pick<AdminSessionEntry, "session_id" | "status" | "current_pick"> | null;
}

export function SessionsPanel({ selected, onSelect, version, live }: Props) {
  const [sessions, setSessions] = useState<AdminSessionEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  // a timeout chain, not setInterval: a slow answer never overlaps the next request.
  // A reload (version bump) lets the request in flight finish and ignores it
  // rather than aborting it: an abort is a failed request in the browser's log.
  useEffect(() => {
    let stale = false;
    let timer: number | undefined;
    const load = async () => {
      try {
        const list = await adminApi.sessions();
        if (stale) return;
        setSessions(list);
        setError(null);
      } catch (err) {
        if (stale) return;
        setError(describeError(err));
      }
      timer = window.setTimeout(() => void load(), REFRESH_MS);
    };
    void load();
    return () => {
      stale = true;
      window.clearTimeout(timer);
    };
  }, [version]);

  return (
    <Panel title="Sessions">
      {error && (
        <div className="px-3 pt-2">
          <MessageLine message={error} />
        </div>
      )}
      <ul className="max-h-80 divide-y divide-slate-800 overflow-y-auto" data-testid="admin-sessions">
        {sessions === null && !error && <li className="p-3 text-sm text-slate-400">Loading…</li>}
        {sessions?.length === 0 && <li className="p-3 text-sm text-slate-300">No sessions in this league yet.</li>}
        {sessions
          ?.map((entry) => ({ ...entry, ...(live?.session_id === entry.session_id ? live : {}) }))
          .map((s) => (
            <li key={s.session_id}>
              <button
                type="button"
                aria-pressed={s.session_id === selected}
                onClick={() => onSelect(s.session_id)}
                className={`block w-full px-3 py-2 text-left hover:bg-slate-800 ${s.session_id === selected ? "bg-sky-950" : ""}`}
              >
                <span className="flex items-center gap-2">
                  <span className="mr-auto truncate font-semibold text-slate-50">{s.name}</span>
                  <StatusBadge status={s.status} />
                </span>
                <span className="block text-xs text-slate-300">
                  {s.current_pick
                    ? `#${s.current_pick.overall} ${s.current_pick.team_id} on the clock`
                    : s.status === "complete"
                      ? "Complete"
                      : "Not started"}
                  {s.open_seats.length > 0 &&
                    ` · ${s.open_seats.length} open seat${s.open_seats.length === 1 ? "" : "s"}`}
                </span>
              </button>
            </li>
          ))}
      </ul>
    </Panel>
  );
}
