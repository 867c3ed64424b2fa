-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "leagues" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "admin_key_hash" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "leagues_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "pools" (
    "id" TEXT NOT NULL,
    "rounds" INTEGER NOT NULL,

    CONSTRAINT "pools_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "pool_teams" (
    "pool_id" TEXT NOT NULL,
    "team_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "pool_teams_pkey" PRIMARY KEY ("pool_id","team_id")
);

-- CreateTable
CREATE TABLE "pool_players" (
    "pool_id" TEXT NOT NULL,
    "player_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "position" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "college" TEXT,
    "rank" INTEGER NOT NULL,

    CONSTRAINT "pool_players_pkey" PRIMARY KEY ("pool_id","player_id")
);

-- CreateTable
CREATE TABLE "pool_slots" (
    "pool_id" TEXT NOT NULL,
    "overall" INTEGER NOT NULL,
    "round" INTEGER NOT NULL,
    "pick_in_round" INTEGER NOT NULL,
    "team_id" TEXT NOT NULL,
    "original_team_id" TEXT NOT NULL,

    CONSTRAINT "pool_slots_pkey" PRIMARY KEY ("pool_id","overall")
);

-- CreateTable
CREATE TABLE "draft_sessions" (
    "id" UUID NOT NULL,
    "league_id" UUID NOT NULL,
    "pool_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "seq" INTEGER NOT NULL DEFAULT 0,
    "config" JSONB NOT NULL,
    "current_overall" INTEGER,
    "clock_deadline" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "draft_sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "seats" (
    "session_id" UUID NOT NULL,
    "team_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "controller" TEXT NOT NULL,
    "token_hash" TEXT,
    "claimed" BOOLEAN NOT NULL DEFAULT false,
    "display_name" TEXT,

    CONSTRAINT "seats_pkey" PRIMARY KEY ("session_id","team_id")
);

-- CreateTable
CREATE TABLE "order_slots" (
    "session_id" UUID NOT NULL,
    "overall" INTEGER NOT NULL,
    "round" INTEGER NOT NULL,
    "pick_in_round" INTEGER NOT NULL,
    "team_id" TEXT NOT NULL,
    "original_team_id" TEXT NOT NULL,

    CONSTRAINT "order_slots_pkey" PRIMARY KEY ("session_id","overall")
);

-- CreateTable
CREATE TABLE "picks" (
    "session_id" UUID NOT NULL,
    "overall" INTEGER NOT NULL,
    "team_id" TEXT NOT NULL,
    "player_id" TEXT NOT NULL,
    "auto" BOOLEAN NOT NULL,
    "made_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "picks_pkey" PRIMARY KEY ("session_id","overall")
);

-- CreateTable
CREATE TABLE "session_events" (
    "session_id" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "session_events_pkey" PRIMARY KEY ("session_id","seq")
);

-- CreateTable
CREATE TABLE "team_queues" (
    "session_id" UUID NOT NULL,
    "team_id" TEXT NOT NULL,
    "player_ids" TEXT[],

    CONSTRAINT "team_queues_pkey" PRIMARY KEY ("session_id","team_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "leagues_admin_key_hash_key" ON "leagues"("admin_key_hash");

-- CreateIndex
CREATE UNIQUE INDEX "pool_players_pool_id_rank_key" ON "pool_players"("pool_id", "rank");

-- CreateIndex
CREATE INDEX "draft_sessions_status_idx" ON "draft_sessions"("status");

-- CreateIndex
CREATE UNIQUE INDEX "seats_token_hash_key" ON "seats"("token_hash");

-- CreateIndex
CREATE UNIQUE INDEX "picks_session_id_player_id_key" ON "picks"("session_id", "player_id");

-- AddForeignKey
ALTER TABLE "pool_teams" ADD CONSTRAINT "pool_teams_pool_id_fkey" FOREIGN KEY ("pool_id") REFERENCES "pools"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pool_players" ADD CONSTRAINT "pool_players_pool_id_fkey" FOREIGN KEY ("pool_id") REFERENCES "pools"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pool_slots" ADD CONSTRAINT "pool_slots_pool_id_fkey" FOREIGN KEY ("pool_id") REFERENCES "pools"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "draft_sessions" ADD CONSTRAINT "draft_sessions_league_id_fkey" FOREIGN KEY ("league_id") REFERENCES "leagues"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "draft_sessions" ADD CONSTRAINT "draft_sessions_pool_id_fkey" FOREIGN KEY ("pool_id") REFERENCES "pools"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "seats" ADD CONSTRAINT "seats_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "draft_sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "order_slots" ADD CONSTRAINT "order_slots_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "draft_sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "picks" ADD CONSTRAINT "picks_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "draft_sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session_events" ADD CONSTRAINT "session_events_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "draft_sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "team_queues" ADD CONSTRAINT "team_queues_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "draft_sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

