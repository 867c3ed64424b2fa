import type { Metadata } from "next";
import { NotFoundPage } from "./_components/not-found-page";

export const metadata: Metadata = { title: "Not found · WarRoom" };

export default function NotFound() {
  return (
    <NotFoundPage
      title="There is no such page"
      detail="The address may be mistyped. Drafts to join, watch or replay are listed in the lobby."
    />
  );
}
