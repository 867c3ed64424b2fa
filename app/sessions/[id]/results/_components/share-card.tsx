// The shareable card: the page's og:image (opengraph-image.tsx), shown as it
// will look when the link is shared, and offered as a PNG download.
import { buttonClass } from "@/app/_components/ui";

export const cardHref = (sessionId: string) => `/sessions/${encodeURIComponent(sessionId)}/results/opengraph-image`;

function fileName(name: string) {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return `warroom-${slug || "draft"}-grades.png`;
}

export function ShareCard({ sessionId, name }: { sessionId: string; name: string }) {
  const href = cardHref(sessionId);
  return (
    <section
      aria-label="Share card"
      data-testid="share-card"
      className="flex flex-col gap-2 rounded-lg border border-slate-800 bg-slate-900 p-3"
    >
      <div className="flex items-center justify-between gap-2">
        <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-200">Share card</h2>
        <a className={buttonClass("primary")} href={href} download={fileName(name)}>
          Download card
        </a>
      </div>
      {/* width and height hold the card's 1200×630 shape before the image arrives: nothing below moves */}
      {/* eslint-disable-next-line @next/next/no-img-element -- a generated PNG, shown as the file people share */}
      <img
        src={href}
        width={1200}
        height={630}
        alt={`The shareable card of ${name}: its grades`}
        className="h-auto w-full rounded-md border border-slate-700 bg-slate-950"
      />
    </section>
  );
}
