// Small shared pieces of the plain UI, so every page uses the same colours and sizes.
import type { ReactNode } from "react";
import type { SessionStatus } from "@/lib/protocol/shapes";

type Variant = "primary" | "secondary" | "danger";

const VARIANTS: Record<Variant, string> = {
  primary: "bg-sky-500 text-slate-950 hover:bg-sky-400 disabled:bg-slate-700 disabled:text-slate-400",
  secondary:
    "border border-slate-600 bg-slate-800 text-slate-100 hover:bg-slate-700 disabled:text-slate-500 disabled:hover:bg-slate-800",
  danger:
    "border border-rose-700 bg-rose-950 text-rose-100 hover:bg-rose-900 disabled:border-slate-700 disabled:bg-slate-800 disabled:text-slate-500",
};

export function buttonClass(variant: Variant = "secondary", extra = ""): string {
  return `inline-flex min-h-9 items-center justify-center rounded-md px-3 py-1.5 text-sm font-medium transition-colors ${VARIANTS[variant]} ${extra}`;
}

export const inputClass =
  "w-full rounded-md border border-slate-600 bg-slate-900 px-3 py-2 text-sm text-slate-100 placeholder:text-slate-500 focus:border-sky-400";

export const labelClass = "mb-1 block text-xs font-semibold uppercase tracking-wide text-slate-300";

export function Panel({
  title,
  children,
  className = "",
  actions,
}: {
  title: string;
  children: ReactNode;
  className?: string;
  actions?: ReactNode;
}) {
  return (
    <section aria-label={title} className={`rounded-lg border border-slate-800 bg-slate-900 ${className}`}>
      <div className="flex min-h-11 items-center justify-between gap-2 border-b border-slate-800 px-3 py-2">
        <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-200">{title}</h2>
        {actions}
      </div>
      {children}
    </section>
  );
}

const STATUS_STYLES: Record<SessionStatus, string> = {
  lobby: "bg-slate-700 text-slate-100",
  running: "bg-emerald-900 text-emerald-100",
  paused: "bg-amber-900 text-amber-100",
  complete: "bg-indigo-900 text-indigo-100",
};

export function StatusBadge({ status }: { status: SessionStatus }) {
  return (
    <span
      className={`inline-block rounded px-2 py-0.5 text-xs font-semibold uppercase tracking-wide ${STATUS_STYLES[status]}`}
    >
      {status}
    </span>
  );
}

/** A line reserved for a message, so showing or clearing it never moves the layout. */
export function MessageLine({ message, tone = "error" }: { message: string | null; tone?: "error" | "info" }) {
  const color = tone === "error" ? "text-rose-300" : "text-emerald-300";
  return (
    <p role={tone === "error" ? "alert" : "status"} className={`min-h-5 text-sm ${color}`}>
      {message ?? ""}
    </p>
  );
}
