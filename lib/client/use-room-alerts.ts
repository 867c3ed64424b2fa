"use client";
// Turns the room's standing alerts (lib/client/alerts) into what reaches a
// person who is looking elsewhere: the tab title, a chime if they turned sound
// on, and a browser notification when the tab is hidden and they allowed it.
import { useEffect, useMemo, useRef } from "react";
import type { Snapshot } from "@/lib/protocol/shapes";
import { alertTitle, newAlerts, roomAlerts } from "./alerts";
import { playChime, unlockChime } from "./chime";

export function useRoomAlerts(
  snapshot: Snapshot | null,
  heldTeams: readonly string[],
  teamNames: ReadonlyMap<string, string>,
  soundOn: boolean,
): void {
  const alerts = useMemo(() => roomAlerts(snapshot, heldTeams, teamNames), [snapshot, heldTeams, teamNames]);

  // the title is state: it says what stands now and goes back when nothing does. Next.js may write the page's
  // own title after this runs (metadata can arrive after hydration): then that is the base, and ours goes back on
  const baseTitle = useRef<string | null>(null);
  const ourTitle = useRef<string | null>(null);
  useEffect(() => {
    const apply = () => {
      const current = document.title;
      if (baseTitle.current === null || current !== ourTitle.current) baseTitle.current = current;
      const wanted = alertTitle(alerts, baseTitle.current);
      ourTitle.current = wanted;
      if (current !== wanted) document.title = wanted;
    };
    apply();
    const observer = new MutationObserver(apply);
    observer.observe(document.head, { subtree: true, childList: true, characterData: true });
    return () => observer.disconnect();
  }, [alerts]);
  useEffect(
    () => () => {
      if (baseTitle.current !== null) document.title = baseTitle.current;
    },
    [],
  );

  // a remembered "sound on" needs one gesture after a reload before audio may play
  useEffect(() => {
    if (!soundOn) return;
    unlockChime();
    const unlock = () => unlockChime();
    window.addEventListener("pointerdown", unlock, { once: true });
    window.addEventListener("keydown", unlock, { once: true });
    return () => {
      window.removeEventListener("pointerdown", unlock);
      window.removeEventListener("keydown", unlock);
    };
  }, [soundOn]);

  // chime and notify once per alert; what stood when the page opened is already in view, so it stays quiet
  const seen = useRef<Set<string> | null>(null);
  useEffect(() => {
    if (!snapshot) return;
    if (seen.current === null) {
      seen.current = new Set(alerts.map((a) => a.key));
      return;
    }
    const fresh = newAlerts(alerts, seen.current);
    for (const alert of fresh) seen.current.add(alert.key);
    if (fresh.length === 0) return;
    if (soundOn) playChime();
    if (document.visibilityState === "hidden" && "Notification" in window && Notification.permission === "granted") {
      for (const alert of fresh) {
        const notification = new Notification(alert.title, { body: alert.body, tag: alert.key });
        notification.onclick = () => window.focus();
      }
    }
  }, [alerts, snapshot, soundOn]);
}
