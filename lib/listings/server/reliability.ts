import "server-only";
/**
 * Keeps the stored provider reliability (User.reliability and the copy on each listing, see
 * lib/listings/reliability.ts for the formula) current. The score is stored so the marketplace filter
 * is a plain comparison, and recomputed from the provider's settled orders (Order.reliabilityOutcome)
 * whenever one of them changes: the indexer sets or clears an order's outcome as its events come and go,
 * so a reorg that takes a settlement back takes its weight out of the score as well.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import { MIN_COUNTED_RENTAL_TOKENS, PRIOR_GOOD, PRIOR_RENTAL_TOKENS, PRIOR_TOTAL, tokens } from "@/lib/listings/reliability";
import { tokenInfo } from "@/lib/chain/server/token-info";
import { db } from "@/lib/core/server/db";

export type RentalOutcome = "completed" | "failed";

/**
 * Recomputes one provider's counts and score from their orders and copies the score onto their listings
 * (Machine.providerReliability, what the marketplace filters on), in `tx` so it commits with the order.
 * Only orders of at least MIN_COUNTED_RENTAL_TOKENS count, weighted by amount.
 */
export async function recomputeReliability(providerId: string, decimals: number, tx: Prisma.TransactionClient = db): Promise<void> {
  if (tx === db) {
    await db.$transaction((inner) => recomputeReliability(providerId, decimals, inner));
    return;
  }
  const min = tokens(MIN_COUNTED_RENTAL_TOKENS, decimals).toString();
  const prior = tokens(PRIOR_RENTAL_TOKENS, decimals).toString();
  await tx.$executeRaw`
    WITH s AS (
      SELECT count(*) FILTER (WHERE "reliabilityOutcome" = 'completed')::int AS c,
             count(*) FILTER (WHERE "reliabilityOutcome" = 'failed')::int AS f,
             COALESCE(sum(amount) FILTER (WHERE "reliabilityOutcome" = 'completed'), 0) AS cv,
             COALESCE(sum(amount) FILTER (WHERE "reliabilityOutcome" = 'failed'), 0) AS fv
        FROM "Order"
       WHERE "providerId" = ${providerId} AND "reliabilityOutcome" IS NOT NULL AND amount >= ${min}::numeric
    )
    UPDATE "User" u
       SET "completedRentals" = s.c,
           "failedRentals" = s.f,
           reliability = div(200 * (s.cv + ${PRIOR_GOOD} * ${prior}::numeric) + (s.cv + s.fv + ${PRIOR_TOTAL} * ${prior}::numeric),
                             2 * (s.cv + s.fv + ${PRIOR_TOTAL} * ${prior}::numeric))::int,
           "updatedAt" = now()
      FROM s
     WHERE u.id = ${providerId}`;
  await tx.$executeRaw`
    UPDATE "Machine" m SET "providerReliability" = u.reliability
      FROM "User" u
     WHERE u.id = ${providerId} AND m."providerId" = u.id AND m."providerReliability" <> u.reliability`;
}

/**
 * Records what a settled order means for its provider (`outcome`; null while it is not settled, e.g.
 * after a reorg took the settlement back) and, when that changed, recomputes the provider's score.
 * Called by the indexer's refold of the order, inside its transaction.
 */
export async function syncRentalOutcome(
  tx: Prisma.TransactionClient,
  orderId: string,
  providerId: string,
  outcome: RentalOutcome | null,
): Promise<void> {
  const changed = await tx.$executeRaw`
    UPDATE "Order" SET "reliabilityOutcome" = ${outcome} WHERE id = ${orderId} AND "reliabilityOutcome" IS DISTINCT FROM ${outcome}`;
  if (changed === 0) return;
  const token = await tokenInfo();
  // The minimum and the prior are whole tokens: without the decimals the score would be wrong. Failing
  // rolls the indexer's range back, and it is read again once the chain answers.
  if (!token.available) throw new Error("the token's decimals cannot be read; reliability is recomputed when the chain answers");
  await recomputeReliability(providerId, token.decimals, tx);
}
