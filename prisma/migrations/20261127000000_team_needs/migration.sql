-- AlterTable
ALTER TABLE "pool_teams" ADD COLUMN     "needs" JSONB;

