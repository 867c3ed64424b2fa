import Link from "next/link";
import { buttonClass } from "./ui";

/** The body of a 404: what is missing, why that may be, and the way back to the lobby. */
export function NotFoundPage({ title, detail }: { title: string; detail: string }) {
  return (
    <main className="mx-auto grid min-h-[60vh] max-w-xl place-items-center p-4 text-center">
      <div className="space-y-4">
        <p className="font-mono text-sm font-semibold tracking-widest text-slate-400">404</p>
        <h1 className="text-2xl font-bold text-slate-50">{title}</h1>
        <p className="text-slate-300">{detail}</p>
        <Link href="/" className={buttonClass("primary")}>
          Back to the lobby
        </Link>
      </div>
    </main>
  );
}
