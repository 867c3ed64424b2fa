"use client";
// The two alert switches a seat holder gets: a chime (off until turned on,
// remembered in this browser) and browser notifications for when the tab is
// hidden (the browser asks for permission; once blocked, we say so).
import { useEffect, useState } from "react";
import { unlockChime, playChime } from "@/lib/client/chime";

type Permission = NotificationPermission | "unsupported";

export function AlertSettings({ soundOn, onSoundChange }: { soundOn: boolean; onSoundChange: (on: boolean) => void }) {
  const [permission, setPermission] = useState<Permission | null>(null);
  useEffect(() => setPermission("Notification" in window ? Notification.permission : "unsupported"), []);

  const toggleSound = () => {
    if (!soundOn) {
      unlockChime(); // this click is the gesture browsers require before a page may play sound
      playChime(); // and a sample, so you know what to listen for
    }
    onSoundChange(!soundOn);
  };
  const askForNotifications = () => {
    void Notification.requestPermission().then(setPermission);
  };

  const chip =
    "rounded border px-2 py-0.5 text-sm focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-400";
  return (
    <div className="flex items-center gap-2" data-testid="alert-settings">
      <button
        type="button"
        aria-pressed={soundOn}
        onClick={toggleSound}
        className={`${chip} ${soundOn ? "border-sky-600 bg-sky-900/60 text-sky-100" : "border-slate-700 text-slate-300 hover:bg-slate-800"}`}
        title="Play a chime when you are on the clock or a trade offer arrives"
      >
        {soundOn ? "Sound on" : "Sound off"}
      </button>
      {permission === "default" && (
        <button
          type="button"
          onClick={askForNotifications}
          className={`${chip} border-slate-700 text-slate-300 hover:bg-slate-800`}
          title="Show a notification when you are on the clock or get an offer while this tab is in the background"
        >
          Notify me
        </button>
      )}
      {permission === "granted" && <span className="text-sm text-slate-400">Notifications on</span>}
      {permission === "denied" && (
        <span className="text-sm text-slate-400" title="Allow notifications for this site in your browser's settings">
          Notifications blocked
        </span>
      )}
    </div>
  );
}
