import { NotFoundPage } from "@/app/_components/not-found-page";

// A room, replay or results address whose session id is malformed or names no draft (require-session.ts).
export default function SessionNotFound() {
  return (
    <NotFoundPage
      title="There is no such draft"
      detail="The link may be mistyped, or the draft was deleted. Live and finished drafts are listed in the lobby."
    />
  );
}
