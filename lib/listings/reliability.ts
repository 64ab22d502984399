/**
 * Provider reliability, 0-100: a placeholder until uptime data exists. It is a smoothed share of
 * rental value that completed,
 *   score = round(100 * (completed + 4 * prior) / (completed + failed + 5 * prior)),
 * where completed and failed are the amounts (token base units) of the provider's settled rentals and
 * prior is the value of one typical rental (PRIOR_RENTAL_TOKENS). So every provider starts as if they
 * had 4 good rentals out of 5 (80), completed rentals pull the score towards 100 and failed ones
 * (refunds, lost disputes) towards 0, each by its amount, and one bad rental cannot sink a new provider.
 *
 * Rentals under MIN_COUNTED_RENTAL_TOKENS do not count at all, and weighting by amount makes the score
 * cost what it claims: renting one's own machine for pennies (paying oneself, minus the fee) used to
 * buy a perfect score; now it buys nothing, and a large self-rental costs the escrow fee on its amount.
 * lib/listings/server/reliability.ts keeps the stored score current.
 */
export const PRIOR_GOOD = 4;
export const PRIOR_TOTAL = 5;

/** Rentals below this many whole tokens are left out of the score (and of the counts shown beside it). */
export const MIN_COUNTED_RENTAL_TOKENS = 5n;
/** The value, in whole tokens, of each of the prior's five imagined rentals. */
export const PRIOR_RENTAL_TOKENS = 25n;

/** Rounded half up with integers only; with counts (prior 1) it is the score by number of rentals. */
export function reliabilityScore(completed: number, failed: number): number {
  const good = completed + PRIOR_GOOD;
  const total = completed + failed + PRIOR_TOTAL;
  return Math.floor((200 * good + total) / (2 * total));
}

/** The score from rental amounts in base units; `prior` is PRIOR_RENTAL_TOKENS in base units. */
export function weightedReliabilityScore(completedValue: bigint, failedValue: bigint, prior: bigint): number {
  const good = completedValue + BigInt(PRIOR_GOOD) * prior;
  const total = completedValue + failedValue + BigInt(PRIOR_TOTAL) * prior;
  return Number((200n * good + total) / (2n * total));
}

/** Whole tokens to base units for a token with `decimals`. */
export function tokens(whole: bigint, decimals: number): bigint {
  return whole * 10n ** BigInt(decimals);
}
