/**
 * Provider reliability, 0-100: a placeholder until uptime data exists. It is a smoothed
 * share of rentals that completed,
 *   score = round(100 * (completed + 4) / (completed + failed + 5)),
 * so every provider starts as if they had 4 good rentals out of 5 (80), completed rentals pull
 * the score towards 100 and failed ones (refunds, lost disputes) towards 0, and one bad rental
 * cannot sink a new provider. lib/listings/server/reliability.ts keeps the stored score current.
 */
export const PRIOR_GOOD = 4;
export const PRIOR_TOTAL = 5;

/** Rounded half up with integers only. */
export function reliabilityScore(completed: number, failed: number): number {
  const good = completed + PRIOR_GOOD;
  const total = completed + failed + PRIOR_TOTAL;
  return Math.floor((200 * good + total) / (2 * total));
}
