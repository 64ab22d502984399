-- Capacity (issue 14): a rental takes k of the GPUs of a machine, and orders hold them while paying and running.
ALTER TABLE "Machine" ADD COLUMN "splittable" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Machine" ADD COLUMN "gpusReserved" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Machine" ADD COLUMN "reservedUntil" TIMESTAMP(3);

ALTER TABLE "Order" ADD COLUMN "holdExpiresAt" TIMESTAMP(3);
ALTER TABLE "Order" ADD COLUMN "endsAt" TIMESTAMP(3);
ALTER TABLE "Order" ADD COLUMN "capacityLost" BOOLEAN NOT NULL DEFAULT false;

DROP INDEX IF EXISTS "Order_listingId_idx";
CREATE INDEX "Order_listingId_status_idx" ON "Order"("listingId", "status");

-- Orders still waiting for payment when this ships get the usual hold from their creation.
UPDATE "Order" SET "holdExpiresAt" = "createdAt" + interval '15 minutes' WHERE "status" = 'PENDING_PAYMENT';
