import type { Metadata } from "next";
import { ResultsView } from "./_components/results-view";
import { requireSession } from "../require-session";

export const metadata: Metadata = { title: "Draft results · WarRoom" };

/** Read-only and public: this URL is the shareable link to a draft's results. */
export default async function ResultsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireSession(id);
  return <ResultsView sessionId={id} />;
}
