-- DropIndex
DROP INDEX "Machine_status_gpuModel_pricePerGpuHour_idx";

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "completedRentals" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "failedRentals" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "reliability" INTEGER NOT NULL DEFAULT 80;

-- AlterTable
ALTER TABLE "Machine" ADD COLUMN     "reviewedAt" TIMESTAMP(3),
ADD COLUMN     "submittedAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Machine_status_gpuModel_pricePerGpuHour_id_idx" ON "Machine"("status", "gpuModel", "pricePerGpuHour", "id");

-- CreateIndex
CREATE INDEX "Machine_status_vramGb_id_idx" ON "Machine"("status", "vramGb", "id");

-- CreateIndex
CREATE INDEX "Machine_status_gpuModel_vramGb_id_idx" ON "Machine"("status", "gpuModel", "vramGb", "id");

-- CreateIndex
CREATE INDEX "Machine_status_createdAt_id_idx" ON "Machine"("status", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Machine_status_gpuModel_createdAt_id_idx" ON "Machine"("status", "gpuModel", "createdAt", "id");

-- Hand-written below: Prisma cannot model generated columns or partial indexes.

-- Sort keys the marketplace orders by, computed by PostgreSQL so every writer (app, seeds,
-- tests, raw SQL) keeps them right. "valueKey" is the price per TFLOP-hour in thousandths of a
-- base unit (integer maths, no floats). "totalTflops" is the throughput of the whole machine.
-- (No semicolons or quotes in these comments: the migration runner splits statements naively.)
ALTER TABLE "Machine"
  ADD COLUMN "valueKey" BIGINT GENERATED ALWAYS AS (round("pricePerGpuHour" * 1000 / "tflopsPerGpu")) STORED,
  ADD COLUMN "totalTflops" DECIMAL(12,1) GENERATED ALWAYS AS ("gpuCount" * "tflopsPerGpu") STORED;

-- Keyset pagination walks these in (key, id) order, and status leads so "LIVE" is a range scan.
CREATE INDEX "Machine_status_valueKey_id_idx" ON "Machine"("status", "valueKey", "id");
CREATE INDEX "Machine_status_totalTflops_id_idx" ON "Machine"("status", "totalTflops", "id");
CREATE INDEX "Machine_status_gpuModel_valueKey_id_idx" ON "Machine"("status", "gpuModel", "valueKey", "id");
CREATE INDEX "Machine_status_gpuModel_totalTflops_id_idx" ON "Machine"("status", "gpuModel", "totalTflops", "id");

-- Banned users are few. Public queries anti-join against this tiny index instead of
-- touching the User row of every candidate listing.
CREATE INDEX "User_banned_idx" ON "User"("id") WHERE "banned";
