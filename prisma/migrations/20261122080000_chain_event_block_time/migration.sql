-- The block's own timestamp on every indexed escrow event: orders are funded and settle on the
-- chain's clock, not on the clock of whoever indexed the event (an indexer catching up after an
-- outage used to date a settlement to the catch-up day). Rows indexed before this migration keep
-- their indexing time, the best value they have.
ALTER TABLE "ChainEvent" ADD COLUMN "blockTime" TIMESTAMP(3);
UPDATE "ChainEvent" SET "blockTime" = "createdAt";
ALTER TABLE "ChainEvent" ALTER COLUMN "blockTime" SET NOT NULL;
