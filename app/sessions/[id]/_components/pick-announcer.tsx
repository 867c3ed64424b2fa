"use client";
// One polite live region for screen readers: each new pick is read out once
// ("Pick 12: CHI selects …"), and so is "you are on the clock". Nothing is
// announced for the snapshot the room loads with, or for a resync that only
// confirms what was already shown.
import { useEffect, useRef, useState } from "react";
import type { Snapshot } from "@/lib/protocol/shapes";

export function PickAnnouncer({ snapshot, teamId }: { snapshot: Snapshot | null; teamId: string | null }) {
  const [text, setText] = useState("");
  const seen = useRef<number | null>(null);
  const latest = snapshot?.picks.at(-1);
  const onClock = snapshot?.status === "running" && teamId !== null && snapshot.current_pick?.team_id === teamId;

  useEffect(() => {
    if (!snapshot) return;
    const last = latest?.overall ?? 0;
    if (seen.current === null) {
      seen.current = last;
      return;
    }
    if (latest && last > seen.current) {
      const mine = onClock ? " You are on the clock." : "";
      setText(
        `Pick ${latest.overall}: ${latest.team_id} selects ${latest.player.name}, ${latest.player.position}.${mine}`,
      );
    }
    seen.current = last;
  }, [snapshot, latest, onClock]);

  return (
    <div aria-live="polite" aria-atomic="true" className="sr-only" data-testid="announcer">
      {text}
    </div>
  );
}
