// What the room should shout about, kept pure: a seat this tab holds is on the
// clock, or a trade offer waits for one of them. The hook (use-room-alerts)
// turns these into the tab title, an optional chime and a notification.
import type { Snapshot } from "@/lib/protocol/shapes";
import { incomingOffers } from "./room-view";

export interface RoomAlert {
  /** Stable per occurrence (this pick, this offer): a chime or notification fires once per key. */
  key: string;
  kind: "on_the_clock" | "offer";
  /** For the tab title and the notification's heading. */
  title: string;
  body: string;
}

/** The alerts standing right now for the seats this tab holds; on the clock first. */
export function roomAlerts(
  snapshot: Snapshot | null,
  heldTeams: readonly string[],
  teamNames: ReadonlyMap<string, string>,
): RoomAlert[] {
  if (!snapshot || heldTeams.length === 0) return [];
  const alerts: RoomAlert[] = [];
  const current = snapshot.current_pick;
  if (snapshot.status === "running" && current && heldTeams.includes(current.team_id)) {
    const team = teamNames.get(current.team_id) ?? current.team_id;
    alerts.push({
      key: `clock:${current.overall}`,
      kind: "on_the_clock",
      title: `On the clock · #${current.overall}`,
      body: `${team} is on the clock with pick #${current.overall} (round ${current.round}).`,
    });
  }
  if (snapshot.status !== "complete") {
    for (const team of heldTeams) {
      for (const offer of incomingOffers(snapshot, team)) {
        const from = teamNames.get(offer.from_team_id) ?? offer.from_team_id;
        alerts.push({
          key: `offer:${offer.trade_id}`,
          kind: "offer",
          title: "Trade offer",
          body: `${from} sent ${teamNames.get(team) ?? team} a trade offer.`,
        });
      }
    }
  }
  return alerts;
}

/** The tab title while alerts stand: the most pressing one, and how many offers wait. */
export function alertTitle(alerts: readonly RoomAlert[], baseTitle: string): string {
  if (alerts.length === 0) return baseTitle;
  const offers = alerts.filter((a) => a.kind === "offer").length;
  const clock = alerts.find((a) => a.kind === "on_the_clock");
  const parts = [
    ...(clock ? [`⏰ ${clock.title}`] : []),
    ...(offers ? [`${offers} trade offer${offers === 1 ? "" : "s"}`] : []),
  ];
  return `${parts.join(" · ")} — ${baseTitle}`;
}

/** Alerts that were not standing before: each fires a chime/notification once. */
export function newAlerts(alerts: readonly RoomAlert[], seen: ReadonlySet<string>): RoomAlert[] {
  return alerts.filter((a) => !seen.has(a.key));
}
