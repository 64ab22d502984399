import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/route";

describe("GET /api/health", () => {
  it("reports the database, the chain's id and latest block, and the token", async () => {
    const res = await GET();
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.ok).toBe(true);
    expect(body.database.ok).toBe(true);
    expect(body.chain).toMatchObject({ ok: true, chainId: 31337 });
    expect(BigInt(body.chain.blockNumber)).toBeGreaterThan(0n);
    expect(body.token).toEqual({ ok: true, address: process.env.TOKEN_ADDRESS });
    expect(body.escrow).toEqual({ ok: true, address: process.env.ESCROW_ADDRESS });
  });
});

describe("GET /api/health under load", () => {
  it("answers repeated requests from one run of its checks for 1.5 s, then checks again", async () => {
    const { cachedHealth, HEALTH_CACHE_MS } = await import("@/lib/health/server/health");
    const t0 = Date.now() + 10 * HEALTH_CACHE_MS; // past anything the test above left cached
    const first = cachedHealth(t0);
    const answers = await Promise.all([first, cachedHealth(t0 + 10), cachedHealth(t0 + HEALTH_CACHE_MS - 1)]);
    expect(new Set(answers.map((h) => h.checkedAt)).size).toBe(1);
    expect(cachedHealth(t0 + 500)).toBe(first);
    await new Promise((r) => setTimeout(r, 5));
    const later = await cachedHealth(t0 + HEALTH_CACHE_MS);
    expect(later.checkedAt).not.toBe(answers[0]!.checkedAt);
  });

  it("GET serves the cached answer: two requests in a row report the same check time", async () => {
    const a = await (await GET()).json();
    const b = await (await GET()).json();
    expect(a.checkedAt).toEqual(expect.any(String));
    expect(b.checkedAt).toBe(a.checkedAt);
  });
});
