import { describe, expect, it } from "vitest";
import { nextAttemptAt, retryDelayMs, RETRY_WINDOW_MS } from "@/lib/webhooks/retry";

describe("the webhook retry schedule", () => {
  it("waits 30 s after the first failure and doubles up to 4 hours", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((n) => retryDelayMs(n) / 1000)).toEqual([
      30, 60, 120, 240, 480, 960, 1920, 3840, 7680, 14400, 14400,
    ]);
  });

  it("keeps trying for a day from the event, then stops: about 14 attempts", () => {
    const start = new Date("2026-01-01T00:00:00Z");
    const giveUp = new Date(start.getTime() + RETRY_WINDOW_MS);
    const attempts = [start];
    for (let failed = 1; ; failed++) {
      const next = nextAttemptAt(failed, attempts.at(-1)!, giveUp);
      if (!next) break;
      attempts.push(next);
    }
    expect(attempts).toHaveLength(14);
    expect(attempts.at(-1)!.getTime()).toBeLessThanOrEqual(giveUp.getTime());
    expect(giveUp.getTime() - attempts.at(-1)!.getTime()).toBeLessThan(4 * 60 * 60 * 1000);
  });
});
