"use client";
// The available players: fetched once, then kept current from the snapshot's
// picks (a pick removes its player; an undone pick brings its player back).
import { useEffect, useMemo, useRef, useState } from "react";
import type { Player, Snapshot } from "@/lib/protocol/shapes";
import { api } from "./api";
import { describeError } from "./fetch-json";

const RETRY_MS = 3000;

export function useAvailablePlayers(sessionId: string, snapshot: Snapshot | null) {
  const [fetched, setFetched] = useState<Player[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  // every player ever seen in a pick, so an undo can put them back in the list
  // (a ref filled while deriving the list: state would cost a second render per pick)
  const seenInPicks = useRef(new Map<string, Player>());

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
          setError(`${describeError(err)} Retrying…`);
          timer = window.setTimeout(() => void load(), RETRY_MS);
        });
    void load();
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [sessionId]);

  const picks = snapshot?.picks;
  const players = useMemo(() => {
    if (!fetched) return null;
    for (const p of picks ?? []) seenInPicks.current.set(p.player.player_id, p.player);
    const taken = new Set((picks ?? []).map((p) => p.player.player_id));
    const all = new Map(fetched.map((p) => [p.player_id, p]));
    for (const [id, player] of seenInPicks.current) if (!all.has(id)) all.set(id, player);
    return [...all.values()].filter((p) => !taken.has(p.player_id)).sort((a, b) => a.rank - b.rank);
  }, [fetched, picks]);

  return { players, error };
}
