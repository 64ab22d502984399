/**
 * When a failed delivery is tried again: 30 s, then doubling (1, 2, 4 ... minutes) up to 4 hours
 * between attempts, until a day after the event; about 14 attempts in all. Deterministic, so the
 * schedule can be stated and tested; at this scale a burst of retries to one receiver is not a worry.
 */
export const RETRY_WINDOW_MS = 24 * 60 * 60 * 1000;
const FIRST_DELAY_MS = 30 * 1000;
const MAX_DELAY_MS = 4 * 60 * 60 * 1000;

/** The wait after `failedAttempts` failed attempts (1 after the first failure). */
export function retryDelayMs(failedAttempts: number): number {
  return Math.min(FIRST_DELAY_MS * 2 ** Math.max(0, failedAttempts - 1), MAX_DELAY_MS);
}

/** When to try next after a failure, or null when that would be past `giveUpAt`: the delivery has failed. */
export function nextAttemptAt(failedAttempts: number, now: Date, giveUpAt: Date): Date | null {
  const next = new Date(now.getTime() + retryDelayMs(failedAttempts));
  return next.getTime() > giveUpAt.getTime() ? null : next;
}
