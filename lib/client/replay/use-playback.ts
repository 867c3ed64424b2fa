"use client";
// Playback over a number of frames: play/pause, speed, step, seek. At 1× one
// frame a second (a pick a second reads like a fast draft night); 16× walks a
// seven-round draft in well under a minute.
import { useCallback, useEffect, useState } from "react";

export const SPEEDS = [1, 2, 4, 8, 16] as const;
export type Speed = (typeof SPEEDS)[number];

export interface Playback {
  index: number;
  playing: boolean;
  speed: Speed;
  seek: (index: number) => void;
  step: (delta: number) => void;
  toggle: () => void;
  setSpeed: (speed: Speed) => void;
}

export function usePlayback(frameCount: number, startAt: number): Playback {
  const last = Math.max(0, frameCount - 1);
  const [index, setIndex] = useState(() => Math.min(startAt, last));
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<Speed>(4);

  const clamp = useCallback((i: number) => Math.max(0, Math.min(last, i)), [last]);
  const seek = useCallback((i: number) => setIndex(clamp(i)), [clamp]);
  const step = useCallback(
    (delta: number) => {
      // stepping by hand means the viewer wants control: stop playing
      setPlaying(false);
      setIndex((i) => clamp(i + delta));
    },
    [clamp],
  );
  const toggle = useCallback(() => {
    setPlaying((on) => {
      // play at the end starts over, the way every media player does
      if (!on) setIndex((i) => (i >= last ? 0 : i));
      return !on;
    });
  }, [last]);

  useEffect(() => {
    if (!playing) return;
    if (index >= last) {
      setPlaying(false);
      return;
    }
    const timer = window.setTimeout(() => setIndex((i) => clamp(i + 1)), 1000 / speed);
    return () => window.clearTimeout(timer);
  }, [playing, index, last, speed, clamp]);

  return { index: clamp(index), playing, speed, seek, step, toggle, setSpeed };
}
