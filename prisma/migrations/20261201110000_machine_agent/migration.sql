-- The machine agent (issue 17): pairing codes, machine-scoped credentials, the measured hardware,
-- merged online intervals and 5-minute heartbeat samples, and what the marketplace filters on,
-- kept on the listing itself.

-- AlterTable
ALTER TABLE "Machine" ADD COLUMN "agentReportedAt" TIMESTAMP(3),
ADD COLUMN "onlineNow" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "uptime30dBp" INTEGER;

-- AlterTable
ALTER TABLE "ListingStatusChange" ADD COLUMN "reason" VARCHAR(500);

-- CreateTable
CREATE TABLE "AgentPairingCode" (
    "id" TEXT NOT NULL,
    "codeHash" CHAR(64) NOT NULL,
    "machineId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "AgentPairingCode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgentCredential" (
    "id" TEXT NOT NULL,
    "machineId" TEXT NOT NULL,
    "prefix" VARCHAR(16) NOT NULL,
    "hash" CHAR(64) NOT NULL,
    "hostname" VARCHAR(253) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "windowStart" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "windowCount" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "AgentCredential_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgentPairFailure" (
    "id" TEXT NOT NULL,
    "clientKey" CHAR(64) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AgentPairFailure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MachineAgent" (
    "machineId" TEXT NOT NULL,
    "hostname" VARCHAR(253) NOT NULL,
    "agentVersion" VARCHAR(40) NOT NULL,
    "pairedAt" TIMESTAMP(3) NOT NULL,
    "reportedAt" TIMESTAMP(3) NOT NULL,
    "firstSeenAt" TIMESTAMP(3),
    "lastHeartbeatAt" TIMESTAMP(3),
    "offlineSince" TIMESTAMP(3),
    "gpuModel" VARCHAR(40),
    "gpuName" VARCHAR(120),
    "gpuCount" INTEGER NOT NULL,
    "gpuMemoryMiB" INTEGER,
    "gpuUuids" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "driverVersion" VARCHAR(20),
    "cudaVersion" INTEGER,
    "cpuModel" VARCHAR(200) NOT NULL,
    "cpuCores" INTEGER,
    "cpuThreads" INTEGER NOT NULL,
    "memoryMiB" INTEGER NOT NULL,
    "diskTotalBytes" BIGINT,
    "diskFreeBytes" BIGINT,
    "dockerVersion" VARCHAR(40),
    "os" VARCHAR(300) NOT NULL,
    "hardware" JSONB NOT NULL,
    "reviewedDiff" JSONB,
    "flags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "flaggedAt" TIMESTAMP(3),

    CONSTRAINT "MachineAgent_pkey" PRIMARY KEY ("machineId")
);

-- CreateTable
CREATE TABLE "MachineUptime" (
    "id" TEXT NOT NULL,
    "machineId" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MachineUptime_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MachineSample" (
    "machineId" TEXT NOT NULL,
    "bucket" TIMESTAMP(3) NOT NULL,
    "heartbeats" INTEGER NOT NULL,
    "gpuErrors" INTEGER NOT NULL DEFAULT 0,
    "utilSum" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "utilCount" INTEGER NOT NULL DEFAULT 0,
    "utilMax" DOUBLE PRECISION,
    "memUsedMaxMiB" INTEGER,
    "tempMaxC" DOUBLE PRECISION,

    CONSTRAINT "MachineSample_pkey" PRIMARY KEY ("machineId","bucket")
);

-- CreateIndex
CREATE UNIQUE INDEX "AgentPairingCode_codeHash_key" ON "AgentPairingCode"("codeHash");
CREATE INDEX "AgentPairingCode_createdById_createdAt_idx" ON "AgentPairingCode"("createdById", "createdAt");
CREATE INDEX "AgentPairingCode_expiresAt_idx" ON "AgentPairingCode"("expiresAt");
CREATE UNIQUE INDEX "AgentCredential_hash_key" ON "AgentCredential"("hash");
CREATE INDEX "AgentCredential_machineId_createdAt_idx" ON "AgentCredential"("machineId", "createdAt");
CREATE INDEX "AgentPairFailure_clientKey_createdAt_idx" ON "AgentPairFailure"("clientKey", "createdAt");
CREATE INDEX "MachineAgent_lastHeartbeatAt_idx" ON "MachineAgent"("lastHeartbeatAt");
CREATE INDEX "MachineAgent_flaggedAt_idx" ON "MachineAgent"("flaggedAt");
CREATE INDEX "MachineAgent_gpuUuids_idx" ON "MachineAgent" USING GIN ("gpuUuids");
CREATE INDEX "MachineUptime_machineId_lastSeenAt_idx" ON "MachineUptime"("machineId", "lastSeenAt");
CREATE INDEX "MachineUptime_lastSeenAt_idx" ON "MachineUptime"("lastSeenAt");
CREATE INDEX "MachineSample_bucket_idx" ON "MachineSample"("bucket");

-- AddForeignKey
ALTER TABLE "AgentPairingCode" ADD CONSTRAINT "AgentPairingCode_machineId_fkey" FOREIGN KEY ("machineId") REFERENCES "Machine"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "AgentCredential" ADD CONSTRAINT "AgentCredential_machineId_fkey" FOREIGN KEY ("machineId") REFERENCES "Machine"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "MachineAgent" ADD CONSTRAINT "MachineAgent_machineId_fkey" FOREIGN KEY ("machineId") REFERENCES "Machine"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "MachineUptime" ADD CONSTRAINT "MachineUptime_machineId_fkey" FOREIGN KEY ("machineId") REFERENCES "Machine"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "MachineSample" ADD CONSTRAINT "MachineSample_machineId_fkey" FOREIGN KEY ("machineId") REFERENCES "Machine"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Hand-written below (Prisma cannot model INCLUDE columns or partial indexes).

-- The capped result count stays an index-only scan with the two new filters ("online now", minimum
-- 30-day uptime): their columns join the covering index.
DROP INDEX "Machine_search_count_idx";
CREATE INDEX "Machine_search_count_idx" ON "Machine"("status", "gpuModel")
  INCLUDE ("gpuCount", "vramGb", "pricePerGpuHour", "country", "downloadMbps", "cudaVersion", "providerReliability", "providerId", "onlineNow", "uptime30dBp");

-- "Online now" with the default sort walks only the machines that are online, not every live listing.
CREATE INDEX "Machine_online_price_idx" ON "Machine"("status", "pricePerGpuHour", "id") WHERE "onlineNow";
