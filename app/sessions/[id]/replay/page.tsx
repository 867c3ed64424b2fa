import type { Metadata } from "next";
import { ReplayView } from "./_components/replay-view";
import { requireSession } from "../require-session";

export const metadata: Metadata = { title: "Replay · WarRoom" };

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** `?pick=37` opens the replay on the board just after pick 37. */
export default async function ReplayPage({ params, searchParams }: Props) {
  const { id } = await params;
  await requireSession(id);
  const query = await searchParams;
  const raw = typeof query.pick === "string" ? Number.parseInt(query.pick, 10) : NaN;
  return <ReplayView sessionId={id} initialPick={Number.isFinite(raw) && raw >= 0 ? raw : null} />;
}
