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
