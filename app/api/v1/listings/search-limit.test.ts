/** The public search API is limited per client (SEARCH_REQUESTS_PER_MINUTE); other clients keep searching. */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { appUrl } from "@/test/auth";

describe("GET /api/v1/listings rate limit", () => {
  beforeEach(() => {
    vi.resetModules();
    vi.stubEnv("SEARCH_REQUESTS_PER_MINUTE", "3");
  });
  afterEach(() => vi.unstubAllEnvs());

  it("answers 429 with Retry-After past the limit, per client address", async () => {
    const { GET } = await import("@/app/api/v1/listings/route");
    const search = (ip: string) =>
      GET(new Request(`${appUrl.origin}/api/v1/listings?sort=newest`, { headers: { "x-forwarded-for": ip } }), undefined);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await search("198.51.100.77")).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await search("198.51.100.77");
    expect(limited.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await limited.json()).toMatchObject({ error: "rate_limited" });
    expect((await search("198.51.100.78")).status).toBe(200);
  });
});
