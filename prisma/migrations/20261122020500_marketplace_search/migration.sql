-- AlterTable
ALTER TABLE "Machine" ADD COLUMN     "providerReliability" INTEGER NOT NULL DEFAULT 80;


-- Hand-written below (Prisma cannot model INCLUDE columns).

-- Existing listings take their provider score.
UPDATE "Machine" m SET "providerReliability" = u.reliability FROM "User" u WHERE u.id = m."providerId" AND u.reliability <> 80;

-- Covering index for the capped result count. Every column a marketplace filter reads is in it,
-- so counting is an index-only scan (no heap page per candidate row), for one model or for all.
CREATE INDEX "Machine_search_count_idx" ON "Machine"("status", "gpuModel")
  INCLUDE ("gpuCount", "vramGb", "pricePerGpuHour", "country", "downloadMbps", "cudaVersion", "providerReliability", "providerId");
