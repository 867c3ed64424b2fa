"use client";
// The seat links of a session just created: its tokens are shown once, here.
import { seatLink, type CreatedSeats } from "@/lib/client/admin/admin-api";
import { buttonClass, Panel } from "@/app/_components/ui";
import { CopyButton } from "./copy-button";

export function NewSeatLinks({ created, onDismiss }: { created: CreatedSeats; onDismiss: () => void }) {
  // shown only after a create in the browser, never rendered on the server: the links are absolute from the first frame
  const origin = typeof window === "undefined" ? "" : window.location.origin;

  return (
    <Panel
      title="Seat links"
      actions={
        <button type="button" className={buttonClass("secondary")} onClick={onDismiss}>
          Done
        </button>
      }
    >
      <div className="space-y-2 p-3 text-sm">
        <p className="text-slate-300">
          Send each link to its player; shown once. A lost link can be replaced from the session.
        </p>
        <ul className="space-y-2" data-testid="new-seat-links">
          {created.seats.map((seat) => {
            const link = seatLink(origin, created.session_id, seat.token);
            return (
              <li key={seat.team_id} className="rounded-md border border-slate-700 p-2">
                <div className="flex items-center justify-between gap-2">
                  <span className="font-semibold">{seat.team_id}</span>
                  <CopyButton text={link} label={`Copy ${seat.team_id} link`} />
                </div>
                <code className="mt-1 block break-all text-xs text-slate-400">{link}</code>
              </li>
            );
          })}
          {created.seats.length === 0 && <li className="text-slate-300">No human seats: every team is CPU.</li>}
        </ul>
      </div>
    </Panel>
  );
}
