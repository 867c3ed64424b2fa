// The results page's og:image and its "Download card": a 1200×630 PNG of the
// session's grades (a solo mock: its team's grade and picks), drawn with Next's
// bundled font, so nothing is fetched at build or run time.
import { ImageResponse } from "next/og";
import { resultsCard } from "@/lib/draft/results-card";
import { sessionIdSchema } from "@/lib/protocol/commands";
import { parseOrThrow } from "@/lib/protocol/validate";
import { httpServices } from "@/lib/server/http/registry";
import { handle } from "@/lib/server/http/respond";
import { CARD_SIZE, ResultsCardImage } from "./_card/results-card-image";

export const size = CARD_SIZE;
export const contentType = "image/png";
export const alt = "Draft grades";
export const dynamic = "force-dynamic";

export default async function Image({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return handle(async () => {
    const results = await httpServices().queries.results(parseOrThrow(sessionIdSchema, id));
    // a draft still running changes: never cache its card
    return new ImageResponse(<ResultsCardImage model={resultsCard(results)} />, {
      ...CARD_SIZE,
      headers: { "cache-control": "no-store" },
    });
  });
}
