-- Each status a listing enters, with when, so utilization counts the hours a listing was really LIVE.
CREATE TABLE "ListingStatusChange" (
    "id" TEXT NOT NULL,
    "machineId" TEXT NOT NULL,
    "status" "ListingStatus" NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ListingStatusChange_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "ListingStatusChange_machineId_at_idx" ON "ListingStatusChange"("machineId", "at");

ALTER TABLE "ListingStatusChange" ADD CONSTRAINT "ListingStatusChange_machineId_fkey" FOREIGN KEY ("machineId") REFERENCES "Machine"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Listings from before the history have only their timestamps. The history starts with what
-- the old estimate assumed: LIVE from approval (or creation), and for a listing that left LIVE,
-- its current status from its last change.
INSERT INTO "ListingStatusChange" ("id", "machineId", "status", "at")
SELECT 'backfill-live-' || m."id", m."id", 'LIVE', COALESCE(m."reviewedAt", m."createdAt")
  FROM "Machine" m
 WHERE m."status" IN ('LIVE', 'PAUSED', 'SUSPENDED', 'ARCHIVED');

INSERT INTO "ListingStatusChange" ("id", "machineId", "status", "at")
SELECT 'backfill-now-' || m."id", m."id", m."status", GREATEST(m."updatedAt", COALESCE(m."reviewedAt", m."createdAt"))
  FROM "Machine" m
 WHERE m."status" <> 'LIVE';
