-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN');

-- CreateEnum
CREATE TYPE "ListingStatus" AS ENUM ('DRAFT', 'PENDING_REVIEW', 'LIVE', 'PAUSED', 'REJECTED', 'SUSPENDED', 'ARCHIVED');

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "address" VARCHAR(42) NOT NULL,
    "roles" "Role"[] DEFAULT ARRAY[]::"Role"[],
    "displayName" VARCHAR(64),
    "banned" BOOLEAN NOT NULL DEFAULT false,
    "bannedReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Machine" (
    "id" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "gpuModel" VARCHAR(40) NOT NULL,
    "gpuCount" INTEGER NOT NULL,
    "vramGb" INTEGER NOT NULL,
    "tflopsPerGpu" DECIMAL(8,1) NOT NULL,
    "cpuCores" INTEGER NOT NULL,
    "ramGb" INTEGER NOT NULL,
    "diskGb" INTEGER NOT NULL,
    "uploadMbps" INTEGER NOT NULL,
    "downloadMbps" INTEGER NOT NULL,
    "country" CHAR(2) NOT NULL,
    "city" VARCHAR(80) NOT NULL,
    "cudaVersion" INTEGER NOT NULL,
    "driverVersion" VARCHAR(20) NOT NULL,
    "pricePerGpuHour" DECIMAL(30,0) NOT NULL,
    "minHours" INTEGER NOT NULL DEFAULT 1,
    "maxHours" INTEGER NOT NULL DEFAULT 720,
    "description" VARCHAR(2000) NOT NULL DEFAULT '',
    "status" "ListingStatus" NOT NULL DEFAULT 'DRAFT',
    "rejectionReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Machine_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_address_key" ON "User"("address");

-- CreateIndex
CREATE INDEX "Machine_providerId_idx" ON "Machine"("providerId");

-- CreateIndex
CREATE INDEX "Machine_status_pricePerGpuHour_id_idx" ON "Machine"("status", "pricePerGpuHour", "id");

-- CreateIndex
CREATE INDEX "Machine_status_gpuModel_pricePerGpuHour_idx" ON "Machine"("status", "gpuModel", "pricePerGpuHour");

-- AddForeignKey
ALTER TABLE "Machine" ADD CONSTRAINT "Machine_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

