-- AlterTable: who may take a human seat ("open" from the lobby, or "invite" by link only),
-- and when a seat was last seen connected (with updated_at, it tells a live room from an abandoned one)
ALTER TABLE "draft_sessions" ADD COLUMN     "seat_access" TEXT NOT NULL DEFAULT 'open',
ADD COLUMN     "last_seen_at" TIMESTAMP(3);
