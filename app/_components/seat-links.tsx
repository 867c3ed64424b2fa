"use client";
// After creating a session: one private link per human seat, and the room links.
import Link from "next/link";
import { useEffect, useState } from "react";
import type { CreatedSession } from "@/lib/client/api";
import { buttonClass, Panel } from "./ui";

export function SeatLinks({ created, onDone }: { created: CreatedSession; onDone: () => void }) {
  // absolute links to hand out; the origin is only known in the browser
  const [origin, setOrigin] = useState("");
  useEffect(() => setOrigin(window.location.origin), []);
  const room = `/sessions/${created.session_id}`;

  return (
    <Panel title="Session created">
      <div className="space-y-3 p-3 text-sm">
        <p className="text-slate-300">Send each seat link to its player. Anyone with a link drafts for that team.</p>
        <ul className="space-y-2">
          {created.seats.map((seat) => {
            const href = `${room}?token=${encodeURIComponent(seat.token)}`;
            return (
              <li key={seat.team_id} className="rounded-md border border-slate-700 p-2">
                <div className="flex items-center justify-between gap-2">
                  <span className="font-semibold">{seat.team_id}</span>
                  <span className="flex gap-2">
                    <button type="button" className={buttonClass("secondary")} onClick={() => void navigator.clipboard?.writeText(origin + href)}>
                      Copy
                    </button>
                    <Link className={buttonClass("secondary")} href={href}>
                      Open
                    </Link>
                  </span>
                </div>
                <code className="mt-1 block break-all text-xs text-slate-400">{origin + href}</code>
              </li>
            );
          })}
          {created.seats.length === 0 && <li className="text-slate-400">No human seats: every team is CPU.</li>}
        </ul>
        <div className="flex flex-wrap gap-2">
          <Link className={buttonClass("primary")} href={`${room}?admin=1`}>
            Open room as admin
          </Link>
          <Link className={buttonClass("secondary")} href={room}>
            Watch
          </Link>
          <button type="button" className={buttonClass("secondary")} onClick={onDone}>
            Create another
          </button>
        </div>
      </div>
    </Panel>
  );
}
