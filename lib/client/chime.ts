// A short two-note chime made with Web Audio, so no sound file ships or loads.
// Browsers only let a page make sound after a click or key press: the context
// is created (or resumed) from the sound toggle, and on the first gesture
// after a reload when the setting was remembered.

let context: AudioContext | null = null;

/** Create or wake the audio context; call it from a user gesture. */
export function unlockChime(): void {
  try {
    context ??= new AudioContext();
    if (context.state === "suspended") void context.resume();
  } catch {
    context = null; // no Web Audio here: the chime stays silent
  }
}

export function playChime(): void {
  if (!context) return;
  const start = context.currentTime;
  for (const [index, frequency] of [880, 1320].entries()) {
    const at = start + index * 0.16;
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.type = "sine";
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.25, at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.3);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(at);
    oscillator.stop(at + 0.32);
  }
}
