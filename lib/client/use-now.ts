"use client";
import { useEffect, useState } from "react";

/**
 * The current time, refreshed every `intervalMs`. Null on the server and on the
 * first client render, so server and client markup match during hydration.
 * With `running` false it stops and keeps the last value: a frozen clock.
 */
export function useNow(intervalMs = 250, running = true): number | null {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    if (!running) return;
    setNow(Date.now());
    const id = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(id);
  }, [intervalMs, running]);
  return now;
}
