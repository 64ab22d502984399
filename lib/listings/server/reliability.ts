import "server-only";
/**
 * Keeps the stored provider reliability (User.reliability, see lib/listings/reliability.ts for the
 * formula) current. The score is stored so the marketplace filter is a plain comparison.
 *
 * The payments issue feeds it: when an escrow is released to the provider it calls
 * recordRentalOutcome(providerId, "completed"); on a refund or a dispute lost by the provider,
 * recordRentalOutcome(providerId, "failed"), inside the transaction that records the order's
 * final state. Until then every provider has the prior score of 80.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import { PRIOR_GOOD, PRIOR_TOTAL } from "@/lib/listings/reliability";
import { db } from "@/lib/core/server/db";

/**
 * Counts one finished rental, recomputes the score in one atomic statement, and copies it onto
 * the provider's listings (Machine.providerReliability, what the marketplace filters on).
 * Pass the caller's transaction client so both writes commit with the order.
 */
export async function recordRentalOutcome(
  providerId: string,
  outcome: "completed" | "failed",
  tx: Prisma.TransactionClient = db,
): Promise<void> {
  if (tx === db) {
    await db.$transaction((inner) => recordRentalOutcome(providerId, outcome, inner));
    return;
  }
  const completed = outcome === "completed" ? 1 : 0;
  const failed = 1 - completed;
  await tx.$executeRaw`
    UPDATE "User"
       SET "completedRentals" = "completedRentals" + ${completed},
           "failedRentals" = "failedRentals" + ${failed},
           reliability = (200 * ("completedRentals" + ${completed} + ${PRIOR_GOOD})
                          + ("completedRentals" + "failedRentals" + 1 + ${PRIOR_TOTAL}))
                         / (2 * ("completedRentals" + "failedRentals" + 1 + ${PRIOR_TOTAL})),
           "updatedAt" = now()
     WHERE id = ${providerId}`;
  await tx.$executeRaw`
    UPDATE "Machine" m SET "providerReliability" = u.reliability
      FROM "User" u
     WHERE u.id = ${providerId} AND m."providerId" = u.id AND m."providerReliability" <> u.reliability`;
}
