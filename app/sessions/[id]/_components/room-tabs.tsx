"use client";
// The side panel's tabs (Queue, Trades, Picks). ARIA tabs with arrow keys; a
// badge on a tab shows what needs attention there (offers waiting) even while
// another tab is open. Fixed height, so switching tabs never moves the page.
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from "react";

export interface RoomTab {
  id: string;
  label: string;
  badge?: number;
  content: ReactNode;
  /** a phone's tab only: from lg up its content has a panel of its own (the chat) */
  narrowOnly?: boolean;
}

/** Tailwind's lg: where narrowOnly tabs give way to their own panels. */
const WIDE = "(min-width: 1024px)";

export function RoomTabs({
  tabs,
  className = "",
  onSelect,
}: {
  tabs: RoomTab[];
  className?: string;
  /** told which tab is open (the chat's unread count) */
  onSelect?: (id: string) => void;
}) {
  const [selected, setSelected] = useState(tabs[0]?.id ?? "");
  const refs = useRef(new Map<string, HTMLButtonElement>());
  const current = tabs.find((t) => t.id === selected) ?? tabs[0];
  const [wide, setWide] = useState(false);
  useEffect(() => {
    const query = window.matchMedia(WIDE);
    const update = () => setWide(query.matches);
    update();
    query.addEventListener("change", update);
    return () => query.removeEventListener("change", update);
  }, []);
  const reachable = wide ? tabs.filter((t) => !t.narrowOnly) : tabs;
  const choose = (id: string) => {
    setSelected(id);
    onSelect?.(id);
  };
  // a phone's tab left open when the window grows past lg: show the first tab instead
  const fallback = current?.narrowOnly && wide ? reachable[0]?.id : undefined;
  useEffect(() => {
    if (fallback) choose(fallback);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fallback]);

  function onKey(event: KeyboardEvent) {
    const index = reachable.findIndex((t) => t.id === current?.id);
    const next = event.key === "ArrowRight" ? index + 1 : event.key === "ArrowLeft" ? index - 1 : null;
    if (next === null) return;
    event.preventDefault();
    const tab = reachable[(next + reachable.length) % reachable.length];
    if (!tab) return;
    choose(tab.id);
    refs.current.get(tab.id)?.focus();
  }

  return (
    <section
      className={`rounded-lg border border-slate-800 bg-slate-900 ${className}`}
      aria-label="Queue, trades and picks"
    >
      <div role="tablist" aria-label="Room panels" className="flex border-b border-slate-800" onKeyDown={onKey}>
        {tabs.map((tab) => {
          const on = tab.id === current?.id;
          return (
            <button
              key={tab.id}
              ref={(el) => void (el ? refs.current.set(tab.id, el) : refs.current.delete(tab.id))}
              id={`tab-${tab.id}`}
              role="tab"
              type="button"
              aria-selected={on}
              aria-controls={`panel-${tab.id}`}
              tabIndex={on ? 0 : -1}
              onClick={() => choose(tab.id)}
              className={`${tab.narrowOnly ? "lg:hidden" : ""} flex min-h-11 flex-1 items-center justify-center gap-1.5 border-b-2 px-2 text-sm font-semibold uppercase tracking-wide ${
                on ? "border-sky-400 text-slate-50" : "border-transparent text-slate-300 hover:text-slate-100"
              }`}
            >
              {tab.label}
              {tab.badge ? (
                <span
                  className="rounded-full bg-amber-400 px-1.5 text-xs font-bold text-slate-950"
                  data-testid={`badge-${tab.id}`}
                >
                  {tab.badge}
                  <span className="sr-only"> waiting</span>
                </span>
              ) : null}
            </button>
          );
        })}
      </div>
      {current && (
        <div
          id={`panel-${current.id}`}
          role="tabpanel"
          aria-labelledby={`tab-${current.id}`}
          className="h-[28rem] overflow-y-auto lg:h-[33.5rem]"
        >
          {current.content}
        </div>
      )}
    </section>
  );
}
