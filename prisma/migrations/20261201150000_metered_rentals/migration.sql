-- Metered rentals (issue 14). Comments here avoid quotes and semicolons: the migration runner splits statements.
-- A rental settled by its meter ends as ENDED. The new value is not used in this migration, so adding it
-- inside the migration transaction is fine on PostgreSQL 12 and newer.
ALTER TYPE "OrderStatus" ADD VALUE IF NOT EXISTS 'ENDED';

-- The per-second rate a rental is opened with (null for a training job, which stays fixed-price).
ALTER TABLE "Order" ADD COLUMN "ratePerSecond" DECIMAL(30,0);
ALTER TABLE "Order" ADD CONSTRAINT "Order_ratePerSecond_check" CHECK ("ratePerSecond" IS NULL OR "ratePerSecond" > 0);

-- Folded from the indexed events: extensions, start, where the meter froze, claims and the actual split.
ALTER TABLE "Order" ADD COLUMN "extendedAmount" DECIMAL(30,0) NOT NULL DEFAULT 0;
ALTER TABLE "Order" ADD COLUMN "extendedHours" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Order" ADD COLUMN "startedAt" TIMESTAMP(3);
ALTER TABLE "Order" ADD COLUMN "stoppedAt" TIMESTAMP(3);
ALTER TABLE "Order" ADD COLUMN "disputedAt" TIMESTAMP(3);
ALTER TABLE "Order" ADD COLUMN "claimed" DECIMAL(30,0) NOT NULL DEFAULT 0;
ALTER TABLE "Order" ADD COLUMN "providerPaid" DECIMAL(30,0) NOT NULL DEFAULT 0;
ALTER TABLE "Order" ADD COLUMN "feePaid" DECIMAL(30,0) NOT NULL DEFAULT 0;
ALTER TABLE "Order" ADD COLUMN "buyerRefunded" DECIMAL(30,0) NOT NULL DEFAULT 0;

-- Orders indexed before this migration get the same values from their stored events.
UPDATE "Order" o SET "startedAt" = e."blockTime"
  FROM "ChainEvent" e
 WHERE e."orderId" = o.id AND e.applied AND e."eventName" = 'EscrowStarted';

UPDATE "Order" o SET "disputedAt" = e."blockTime"
  FROM "ChainEvent" e
 WHERE e."orderId" = o.id AND e.applied AND e."eventName" = 'EscrowDisputed';

UPDATE "Order" o SET "providerPaid" = (e.args->>'providerAmount')::numeric,
                     "feePaid" = (e.args->>'fee')::numeric,
                     "buyerRefunded" = COALESCE((e.args->>'buyerAmount')::numeric, 0)
  FROM "ChainEvent" e
 WHERE e."orderId" = o.id AND e.applied AND e."eventName" IN ('EscrowReleased', 'DisputeResolved')
   AND o.status IN ('PAID', 'RESOLVED');

UPDATE "Order" o SET "buyerRefunded" = (e.args->>'amount')::numeric
  FROM "ChainEvent" e
 WHERE e."orderId" = o.id AND e.applied AND e."eventName" = 'EscrowRefunded' AND o.status = 'REFUNDED';
