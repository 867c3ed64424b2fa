-- AlterTable
ALTER TABLE "draft_sessions" ADD COLUMN     "next_due_at" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "draft_sessions_next_due_at_idx" ON "draft_sessions"("next_due_at");

