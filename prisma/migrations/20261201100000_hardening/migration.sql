-- Hardening (issue 15). Comments here avoid quotes and semicolons: the migration runner splits statements.
-- A nonce is burned after three failed signatures (lib/auth/server/siwe.ts).
ALTER TABLE "AuthNonce" ADD COLUMN "failedAttempts" INTEGER NOT NULL DEFAULT 0;

-- The outcome of each settled order for the reliability of its provider. The score is recomputed from
-- these, so a reorg that takes a settlement back takes its effect on reliability back too.
ALTER TABLE "Order" ADD COLUMN "reliabilityOutcome" VARCHAR(10);
ALTER TABLE "Order" ADD CONSTRAINT "Order_reliabilityOutcome_check" CHECK ("reliabilityOutcome" IN ('completed', 'failed'));
CREATE INDEX "Order_providerId_reliabilityOutcome_idx" ON "Order"("providerId", "reliabilityOutcome") WHERE "reliabilityOutcome" IS NOT NULL;

-- Orders settled before this migration keep counting, with the outcome the indexer recorded for them:
-- PAID completed, REFUNDED failed, RESOLVED by the provider share in the DisputeResolved event.
UPDATE "Order" o SET "reliabilityOutcome" = CASE
    WHEN o.status = 'PAID' THEN 'completed'
    WHEN o.status = 'REFUNDED' THEN 'failed'
    WHEN COALESCE((SELECT (e.args->>'providerBps')::int FROM "ChainEvent" e
                    WHERE e."orderId" = o.id AND e.applied AND e."eventName" = 'DisputeResolved' LIMIT 1), 0) >= 5000 THEN 'completed'
    ELSE 'failed'
  END
WHERE o.status IN ('PAID', 'REFUNDED', 'RESOLVED');
