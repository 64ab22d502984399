import net from "node:net";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

// A port that nothing listens on: the chain is "down" for this file only
// (each test file has its own module registry, so env.js re-reads RPC_URL).
async function deadPort() {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

describe("GET /api/health when a dependency is down", () => {
  beforeEach(() => {
    vi.resetModules();
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("answers 503 and names the chain when the RPC is unreachable", async () => {
    vi.stubEnv("RPC_URL", `http://127.0.0.1:${await deadPort()}`);
    const { GET } = await import("@/app/api/health/route");
    const res = await GET();
    expect(res.status).toBe(503);
    const body = await res.json();
    expect(body.ok).toBe(false);
    expect(body.database.ok).toBe(true);
    expect(body.chain.ok).toBe(false);
    expect(body.chain.error).toEqual(expect.any(String));
  });

  it("answers 503 and names the token when no contract is at TOKEN_ADDRESS", async () => {
    vi.stubEnv("TOKEN_ADDRESS", "0x000000000000000000000000000000000000dEaD");
    const { GET } = await import("@/app/api/health/route");
    const res = await GET();
    expect(res.status).toBe(503);
    const body = await res.json();
    expect(body.chain.ok).toBe(true);
    expect(body.token).toEqual({ ok: false, error: "no contract at 0x000000000000000000000000000000000000dEaD" });
  });

  it("answers 503 and names the escrow when ESCROW_ADDRESS holds no contract", async () => {
    vi.stubEnv("ESCROW_ADDRESS", "0x000000000000000000000000000000000000bEEF");
    const { GET } = await import("@/app/api/health/route");
    const res = await GET();
    expect(res.status).toBe(503);
    const body = await res.json();
    expect(body.token.ok).toBe(true);
    expect(body.escrow).toEqual({ ok: false, error: "no contract at 0x000000000000000000000000000000000000bEEF" });
  });

  it("answers 503 when the escrow belongs to another token than TOKEN_ADDRESS", async () => {
    // The token contract itself is a contract, but the escrow's token() points elsewhere.
    vi.stubEnv("TOKEN_ADDRESS", process.env.ESCROW_ADDRESS ?? "");
    const { GET } = await import("@/app/api/health/route");
    const body = await (await GET()).json();
    expect(body.ok).toBe(false);
    expect(body.escrow.error).toMatch(/holds token 0x[0-9a-fA-F]{40}, but TOKEN_ADDRESS is/);
  });

  it("leaves the escrow out when ESCROW_ADDRESS is not set", async () => {
    vi.stubEnv("ESCROW_ADDRESS", "");
    const { GET } = await import("@/app/api/health/route");
    const res = await GET();
    expect(res.status).toBe(200);
    expect((await res.json()).escrow).toBeUndefined();
  });
});
