import { describe, expect, it } from "vitest";
import { base, baseSepolia, foundry } from "viem/chains";
import { explorerBaseUrl, explorerTxUrl } from "@/lib/chain/explorer";

const hash = "0x6d1c3f1f0a6a1b1d9f0a3b6c2e4d5f60718293a4b5c6d7e8f90a1b2c3d4e5f60";

describe("block-explorer links", () => {
  it("uses the chain's default explorer on Base and Base Sepolia", () => {
    expect(explorerBaseUrl(base.id)).toBe("https://basescan.org");
    expect(explorerBaseUrl(baseSepolia.id)).toBe("https://sepolia.basescan.org");
    expect(explorerTxUrl(explorerBaseUrl(base.id), hash)).toBe(`https://basescan.org/tx/${hash}`);
  });

  it("has no explorer on the local anvil, so the hash is shown without a link", () => {
    expect(explorerBaseUrl(foundry.id)).toBeUndefined();
    expect(explorerTxUrl(explorerBaseUrl(foundry.id), hash)).toBeUndefined();
  });

  it("prefers the configured explorer and drops a trailing slash", () => {
    expect(explorerBaseUrl(foundry.id, "https://explorer.example/")).toBe("https://explorer.example");
    expect(explorerBaseUrl(base.id, "https://blockscout.example")).toBe("https://blockscout.example");
  });

  it("knows nothing of an unsupported chain", () => {
    expect(explorerBaseUrl(424242)).toBeUndefined();
  });
});
