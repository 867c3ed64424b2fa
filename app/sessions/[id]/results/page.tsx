import type { Metadata } from "next";
import { headers } from "next/headers";
import { sessionIdSchema } from "@/lib/protocol/commands";
import { parseEnv } from "@/lib/server/env";
import { httpServices } from "@/lib/server/http/registry";
import { ResultsView } from "./_components/results-view";
import { requireSession } from "../require-session";

interface Props {
  params: Promise<{ id: string }>;
}

/** Whether X-Forwarded-* headers are the proxy's word (TRUST_PROXY, as for client addresses) rather than a client's. */
function trustProxy(): boolean {
  try {
    return parseEnv().TRUST_PROXY;
  } catch {
    return false;
  }
}

/** The page's own origin, so the og:image Next adds (opengraph-image.tsx) is an absolute URL a link preview can fetch. */
async function origin(): Promise<URL | null> {
  const sent = await headers();
  const forwarded = (name: string) => (trustProxy() ? sent.get(name)?.split(",")[0]?.trim() : undefined);
  const host = forwarded("x-forwarded-host") ?? sent.get("host");
  const proto = forwarded("x-forwarded-proto") === "https" ? "https" : "http";
  try {
    return host ? new URL(`${proto}://${host}`) : null;
  } catch {
    return null;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  let name: string | null = null;
  const parsed = sessionIdSchema.safeParse(id);
  if (parsed.success) {
    // the title is a nicety: a session that cannot be read keeps the plain one, and the page says why
    name = await httpServices()
      .queries.results(parsed.data)
      .then((results) => results.name)
      .catch(() => null);
  }
  const title = name ? `${name}: draft grades · WarRoom` : "Draft results · WarRoom";
  return {
    metadataBase: await origin(),
    title,
    openGraph: { title, description: "Every team's draft grade, A+ to F, and its picks against the board." },
    twitter: { card: "summary_large_image" },
  };
}

/** Read-only and public: this URL is the shareable link to a draft's results. */
export default async function ResultsPage({ params }: Props) {
  const { id } = await params;
  await requireSession(id);
  return <ResultsView sessionId={id} />;
}
