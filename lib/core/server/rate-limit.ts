import "server-only";
/**
 * A per-process fixed-window limiter for hot endpoints (sign-in attempts, search) where a database
 * row per request would cost more than the request. Each app instance counts on its own, so N
 * instances allow N times the limit; the README's security model says so. Memory is bounded: past
 * `maxKeys` clients the oldest windows are dropped first (Map keeps insertion order).
 */
import { ApiError } from "@/lib/core/server/api-error";

export interface RateLimiter {
  /** Counts one request of `key`; throws 429 `rate_limited` (with Retry-After) when over the limit. */
  take(key: string): void;
  /** Forgets every window (tests). */
  reset(): void;
}

export function createRateLimiter(opts: {
  max: number;
  windowMs: number;
  what: string;
  maxKeys?: number;
  now?: () => number;
}): RateLimiter {
  const now = opts.now ?? Date.now;
  const maxKeys = opts.maxKeys ?? 50_000;
  const windows = new Map<string, { count: number; resetAt: number }>();
  return {
    take(key) {
      const t = now();
      let w = windows.get(key);
      if (!w || w.resetAt <= t) {
        windows.delete(key);
        w = { count: 0, resetAt: t + opts.windowMs };
        windows.set(key, w);
        if (windows.size > maxKeys) {
          for (const [k, v] of windows) {
            if (windows.size <= maxKeys) break;
            if (k !== key || v.resetAt <= t) windows.delete(k);
          }
        }
      }
      w.count++;
      if (w.count > opts.max) {
        const retryAfter = Math.max(1, Math.ceil((w.resetAt - t) / 1000));
        throw new ApiError(429, "rate_limited", `Too many ${opts.what}; try again in ${retryAfter} s.`, undefined, {
          "retry-after": String(retryAfter),
        });
      }
    },
    reset() {
      windows.clear();
    },
  };
}
