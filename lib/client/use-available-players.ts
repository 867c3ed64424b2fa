"use client";
// The available players: fetched once, then kept current from the snapshot's
// picks (a pick removes its player; an undone pick brings its player back).
import { useEffect, useMemo, useState } from "react";
import type { Player, Snapshot } from "@/lib/protocol/shapes";
import { api, errorMessage } from "./api";

const RETRY_MS = 3000;

export function useAvailablePlayers(sessionId: string, snapshot: Snapshot | null) {
  const [fetched, setFetched] = useState<Player[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  // every player ever seen in a pick, so an undo can put them back in the list
  const [seenInPicks, setSeenInPicks] = useState<Map<string, Player>>(() => new Map());

  useEffect(() => {
    const controller = new AbortController();
    let timer: number | undefined;
    // retried until it works: the page may load while the server restarts
    const load = () =>
      api
        .availablePlayers(sessionId, controller.signal)
        .then((list) => {
          setFetched(list);
          setError(null);
        })
        .catch((err: unknown) => {
          if (controller.signal.aborted) return;
          setError(`${errorMessage(err)} Retrying…`);
          timer = window.setTimeout(() => void load(), RETRY_MS);
        });
    void load();
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [sessionId]);

  const picks = snapshot?.picks;
  useEffect(() => {
    if (!picks?.length) return;
    setSeenInPicks((seen) => {
      const missing = picks.filter((p) => !seen.has(p.player.player_id));
      if (missing.length === 0) return seen;
      const next = new Map(seen);
      for (const p of missing) next.set(p.player.player_id, p.player);
      return next;
    });
  }, [picks]);

  const players = useMemo(() => {
    if (!fetched) return null;
    const taken = new Set((picks ?? []).map((p) => p.player.player_id));
    const all = new Map(fetched.map((p) => [p.player_id, p]));
    for (const [id, player] of seenInPicks) if (!all.has(id)) all.set(id, player);
    return [...all.values()].filter((p) => !taken.has(p.player_id)).sort((a, b) => a.rank - b.rank);
  }, [fetched, picks, seenInPicks]);

  return { players, error };
}
