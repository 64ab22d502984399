-- CreateEnum
CREATE TYPE "OrderStatus" AS ENUM ('PENDING_PAYMENT', 'FUNDED', 'ACTIVE', 'COMPLETED', 'PAID', 'REFUNDED', 'DISPUTED', 'RESOLVED', 'CANCELLED');

-- CreateTable
CREATE TABLE "Order" (
    "id" TEXT NOT NULL,
    "listingId" TEXT NOT NULL,
    "buyerId" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "buyerAddress" VARCHAR(42) NOT NULL,
    "providerAddress" VARCHAR(42) NOT NULL,
    "hours" INTEGER NOT NULL,
    "gpuCount" INTEGER NOT NULL,
    "pricePerGpuHour" DECIMAL(30,0) NOT NULL,
    "amount" DECIMAL(30,0) NOT NULL,
    "chainId" INTEGER NOT NULL,
    "tokenAddress" VARCHAR(42) NOT NULL,
    "escrowAddress" VARCHAR(42) NOT NULL,
    "orderIdHex" CHAR(66) NOT NULL,
    "escrowId" CHAR(66) NOT NULL,
    "startDeadline" TIMESTAMP(3) NOT NULL,
    "status" "OrderStatus" NOT NULL DEFAULT 'PENDING_PAYMENT',
    "sshPublicKey" VARCHAR(4000),
    "connectionHost" VARCHAR(255),
    "connectionPort" INTEGER,
    "connectionUser" VARCHAR(64),
    "jupyterUrl" VARCHAR(2000),
    "txHints" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "fundedAt" TIMESTAMP(3),
    "settledAt" TIMESTAMP(3),
    "outcomeRecorded" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Order_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChainEvent" (
    "id" TEXT NOT NULL,
    "chainId" INTEGER NOT NULL,
    "contract" VARCHAR(42) NOT NULL,
    "txHash" CHAR(66) NOT NULL,
    "logIndex" INTEGER NOT NULL,
    "blockNumber" BIGINT NOT NULL,
    "blockHash" CHAR(66) NOT NULL,
    "eventName" VARCHAR(40) NOT NULL,
    "escrowId" CHAR(66),
    "orderId" TEXT,
    "args" JSONB NOT NULL,
    "applied" BOOLEAN NOT NULL,
    "ignoredReason" VARCHAR(200),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChainEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IndexerCursor" (
    "chainId" INTEGER NOT NULL,
    "contract" VARCHAR(42) NOT NULL,
    "lastBlock" BIGINT NOT NULL,
    "lastBlockHash" CHAR(66) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IndexerCursor_pkey" PRIMARY KEY ("chainId","contract")
);

-- CreateTable
CREATE TABLE "IndexedBlock" (
    "chainId" INTEGER NOT NULL,
    "contract" VARCHAR(42) NOT NULL,
    "number" BIGINT NOT NULL,
    "hash" CHAR(66) NOT NULL,

    CONSTRAINT "IndexedBlock_pkey" PRIMARY KEY ("chainId","contract","number")
);

-- CreateIndex
CREATE UNIQUE INDEX "Order_orderIdHex_key" ON "Order"("orderIdHex");

-- CreateIndex
CREATE UNIQUE INDEX "Order_escrowId_key" ON "Order"("escrowId");

-- CreateIndex
CREATE INDEX "Order_buyerId_createdAt_idx" ON "Order"("buyerId", "createdAt");

-- CreateIndex
CREATE INDEX "Order_providerId_createdAt_idx" ON "Order"("providerId", "createdAt");

-- CreateIndex
CREATE INDEX "Order_listingId_idx" ON "Order"("listingId");

-- CreateIndex
CREATE INDEX "Order_status_idx" ON "Order"("status");

-- CreateIndex
CREATE INDEX "ChainEvent_orderId_blockNumber_logIndex_idx" ON "ChainEvent"("orderId", "blockNumber", "logIndex");

-- CreateIndex
CREATE INDEX "ChainEvent_chainId_contract_blockNumber_idx" ON "ChainEvent"("chainId", "contract", "blockNumber");

-- CreateIndex
CREATE UNIQUE INDEX "ChainEvent_chainId_txHash_logIndex_key" ON "ChainEvent"("chainId", "txHash", "logIndex");

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_listingId_fkey" FOREIGN KEY ("listingId") REFERENCES "Machine"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_buyerId_fkey" FOREIGN KEY ("buyerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChainEvent" ADD CONSTRAINT "ChainEvent_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

