import type { Metadata } from "next";
import { DraftRoom } from "./_components/draft-room";
import { requireSession } from "./require-session";

export const metadata: Metadata = { title: "Draft room · WarRoom" };

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** `?token=` is a seat link; without it the tab's saved seat is used, else the viewer spectates. */
export default async function SessionPage({ params, searchParams }: Props) {
  const { id } = await params;
  await requireSession(id);
  const query = await searchParams;
  const token = typeof query.token === "string" && query.token ? query.token : undefined;
  return <DraftRoom sessionId={id} urlToken={token} />;
}
