-- CreateEnum
CREATE TYPE "JobStatus" AS ENUM ('DRAFT', 'OPEN', 'ACCEPTED', 'FUNDED', 'RUNNING', 'COMPLETED', 'PAID', 'DISPUTED', 'RESOLVED', 'REFUNDED', 'CANCELLED', 'EXPIRED');

-- CreateEnum
CREATE TYPE "JobFramework" AS ENUM ('PYTORCH', 'JAX', 'TENSORFLOW', 'OTHER');

-- CreateEnum
CREATE TYPE "OfferStatus" AS ENUM ('PENDING', 'WITHDRAWN', 'ACCEPTED', 'DECLINED');

-- CreateTable
CREATE TABLE "Job" (
    "id" TEXT NOT NULL,
    "buyerId" TEXT NOT NULL,
    "title" VARCHAR(120) NOT NULL,
    "description" VARCHAR(4000) NOT NULL DEFAULT '',
    "framework" "JobFramework" NOT NULL,
    "containerImage" VARCHAR(255) NOT NULL,
    "command" VARCHAR(2000) NOT NULL,
    "datasetUrl" VARCHAR(2000) NOT NULL,
    "outputUrl" VARCHAR(2000) NOT NULL,
    "gpuModels" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "minVramGb" INTEGER NOT NULL,
    "gpuCount" INTEGER NOT NULL,
    "minReliability" INTEGER NOT NULL DEFAULT 0,
    "regions" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "estimatedHours" INTEGER NOT NULL,
    "maxPricePerGpuHour" DECIMAL(30,0) NOT NULL,
    "maxBudget" DECIMAL(30,0) NOT NULL,
    "offerDeadline" TIMESTAMP(3) NOT NULL,
    "status" "JobStatus" NOT NULL DEFAULT 'DRAFT',
    "publishedAt" TIMESTAMP(3),
    "orderId" TEXT,
    "resultUrl" VARCHAR(2000),
    "resultSha256" CHAR(64),
    "completedAt" TIMESTAMP(3),
    "cancelledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Job_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Offer" (
    "id" TEXT NOT NULL,
    "jobId" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "machineId" TEXT NOT NULL,
    "pricePerGpuHour" DECIMAL(30,0) NOT NULL,
    "earliestStart" TIMESTAMP(3) NOT NULL,
    "note" VARCHAR(1000) NOT NULL DEFAULT '',
    "status" "OfferStatus" NOT NULL DEFAULT 'PENDING',
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Offer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JobProgressNote" (
    "id" TEXT NOT NULL,
    "jobId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" VARCHAR(2000) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JobProgressNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" VARCHAR(40) NOT NULL,
    "params" JSONB NOT NULL DEFAULT '{}',
    "href" VARCHAR(300) NOT NULL,
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Job_orderId_key" ON "Job"("orderId");

-- CreateIndex
CREATE INDEX "Job_status_maxBudget_id_idx" ON "Job"("status", "maxBudget", "id");

-- CreateIndex
CREATE INDEX "Job_status_publishedAt_id_idx" ON "Job"("status", "publishedAt", "id");

-- CreateIndex
CREATE INDEX "Job_status_offerDeadline_id_idx" ON "Job"("status", "offerDeadline", "id");

-- CreateIndex
CREATE INDEX "Job_buyerId_createdAt_idx" ON "Job"("buyerId", "createdAt");

-- CreateIndex
CREATE INDEX "Offer_jobId_status_idx" ON "Offer"("jobId", "status");

-- CreateIndex
CREATE INDEX "Offer_providerId_createdAt_idx" ON "Offer"("providerId", "createdAt");

-- CreateIndex
CREATE INDEX "Offer_machineId_idx" ON "Offer"("machineId");

-- CreateIndex
CREATE INDEX "JobProgressNote_jobId_createdAt_idx" ON "JobProgressNote"("jobId", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_createdAt_idx" ON "Notification"("userId", "readAt", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_userId_createdAt_id_idx" ON "Notification"("userId", "createdAt", "id");

-- AddForeignKey
ALTER TABLE "Job" ADD CONSTRAINT "Job_buyerId_fkey" FOREIGN KEY ("buyerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Job" ADD CONSTRAINT "Job_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Offer" ADD CONSTRAINT "Offer_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Offer" ADD CONSTRAINT "Offer_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Offer" ADD CONSTRAINT "Offer_machineId_fkey" FOREIGN KEY ("machineId") REFERENCES "Machine"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JobProgressNote" ADD CONSTRAINT "JobProgressNote_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JobProgressNote" ADD CONSTRAINT "JobProgressNote_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- A provider has at most one pending offer on a job (withdrawing frees the slot)
CREATE UNIQUE INDEX "Offer_one_pending_per_provider" ON "Offer"("jobId", "providerId") WHERE "status" = 'PENDING';

-- A job accepts at most one offer, whatever races the application loses
CREATE UNIQUE INDEX "Offer_one_accepted_per_job" ON "Offer"("jobId") WHERE "status" = 'ACCEPTED';
