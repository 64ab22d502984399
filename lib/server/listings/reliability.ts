import "server-only";
/**
 * Keeps the stored provider reliability (User.reliability, see lib/reliability.ts for the
 * formula) current. The score is stored so the marketplace filter is a plain comparison.
 *
 * The payments issue feeds it: when an escrow is released to the provider it calls
 * recordRentalOutcome(providerId, "completed"); on a refund or a dispute lost by the provider,
 * recordRentalOutcome(providerId, "failed"), inside the transaction that records the order's
 * final state. Until then every provider has the prior score of 80.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import { PRIOR_GOOD, PRIOR_TOTAL } from "@/lib/reliability";
import { db } from "@/lib/server/db";

/** Counts one finished rental and recomputes the score in one atomic statement. */
export async function recordRentalOutcome(
  providerId: string,
  outcome: "completed" | "failed",
  tx: Prisma.TransactionClient = db,
): Promise<void> {
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
}
