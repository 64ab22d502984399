-- CreateTable
CREATE TABLE "DisputeStatement" (
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "side" VARCHAR(10) NOT NULL,
    "body" VARCHAR(4000) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DisputeStatement_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DisputeStatement_orderId_createdAt_idx" ON "DisputeStatement"("orderId", "createdAt");

-- AddForeignKey
ALTER TABLE "DisputeStatement" ADD CONSTRAINT "DisputeStatement_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DisputeStatement" ADD CONSTRAINT "DisputeStatement_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

