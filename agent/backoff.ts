/**
 * Retry delays. "Equal jitter": half of the exponential step is fixed and half random, so hosts that
 * lost the server together do not come back together, and no retry is ever immediate.
 */
export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

export const defaultBackoff: BackoffPolicy = { baseMs: 1000, maxMs: 5 * 60_000 };

/** The delay before retry number `attempt` (0 for the first retry). */
export function backoffDelayMs(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * The delay before the next try: the server's Retry-After when it gave one (plus up to a second of
 * jitter so its clients spread out), else the backoff.
 */
export function retryDelayMs(
  attempt: number,
  retryAfterMs: number | null,
  policy: BackoffPolicy,
  random: () => number = Math.random,
): number {
  if (retryAfterMs !== null) return retryAfterMs + Math.round(random() * 1000);
  return backoffDelayMs(attempt, policy, random);
}

/** The longest Retry-After obeyed: a broken proxy saying "a day" must not park the agent for a day. */
const maxRetryAfterMs = 60 * 60_000;

/** Retry-After as milliseconds from `nowMs`: delta-seconds or an HTTP date (RFC 9110 §10.2.3); null when absent or unreadable. */
export function parseRetryAfter(value: string | null, nowMs: number): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  let ms: number;
  if (/^\d+$/.test(trimmed)) ms = Number(trimmed) * 1000;
  else {
    const at = Date.parse(trimmed);
    if (Number.isNaN(at)) return null;
    ms = Math.max(0, at - nowMs);
  }
  return Math.min(ms, maxRetryAfterMs);
}
