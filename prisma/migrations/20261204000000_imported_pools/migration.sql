-- AlterTable
ALTER TABLE "pools" ADD COLUMN     "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'bundled',
ADD COLUMN     "league_id" UUID,
ADD COLUMN     "name" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "pool_players" ADD COLUMN     "forty" DOUBLE PRECISION,
ADD COLUMN     "grade" DOUBLE PRECISION,
ADD COLUMN     "height_in" DOUBLE PRECISION,
ADD COLUMN     "notes" TEXT,
ADD COLUMN     "weight_lb" DOUBLE PRECISION;

-- CreateIndex
CREATE INDEX "pools_kind_created_at_idx" ON "pools"("kind", "created_at");

-- AddForeignKey
ALTER TABLE "pools" ADD CONSTRAINT "pools_league_id_fkey" FOREIGN KEY ("league_id") REFERENCES "leagues"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Bundled classes loaded before pools had names get theirs
UPDATE "pools" SET "name" = "id" || ' NFL draft class' WHERE "kind" = 'bundled' AND "name" = '';
