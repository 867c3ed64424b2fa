"use client";
// Copy text to the clipboard and say so; the clipboard may be unavailable
// (plain HTTP, permissions), and then the button says that instead of failing silently.
import { useState } from "react";
import { buttonClass } from "@/app/_components/ui";

export function CopyButton({ text, label = "Copy" }: { text: string; label?: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setState("copied");
    } catch {
      setState("failed");
    }
    window.setTimeout(() => setState("idle"), 2000);
  }

  return (
    <button
      type="button"
      className={buttonClass("secondary", "min-w-24 shrink-0")}
      aria-label={label}
      onClick={() => void copy()}
    >
      <span aria-live="polite">{state === "copied" ? "Copied" : state === "failed" ? "Select & copy" : "Copy"}</span>
    </button>
  );
}
