-- Room chat (v2): its own table beside the draft's event log (chat has no seq); position keeps insertion order
-- CreateTable
CREATE TABLE "chat_messages" (
    "id" UUID NOT NULL,
    "position" SERIAL NOT NULL,
    "session_id" UUID NOT NULL,
    "from_role" TEXT NOT NULL,
    "from_team_id" TEXT,
    "display_name" TEXT,
    "text" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "chat_messages_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "chat_messages_session_id_position_idx" ON "chat_messages"("session_id", "position");

-- AddForeignKey
ALTER TABLE "chat_messages" ADD CONSTRAINT "chat_messages_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "draft_sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

