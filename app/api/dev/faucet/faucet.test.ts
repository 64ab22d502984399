/**
 * The dev faucet exists only where the token is the project's TestUSDC. On the local chain id with any
 * other token (a fork of a real chain reports 31337 too, with real USDC at TOKEN_ADDRESS) it answers 404
 * and sends nothing: no ETH first and a 500 after, as it did against a forked USDC.
 */
import { getAddress, type Address } from "viem";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { mockErc20Abi, mockErc20Bytecode } from "@/contracts/generated/MockERC20";
import { browserHeaders } from "@/test/auth";
import { publicClient, walletFor } from "@/test/chain";
import { randomAddress } from "@/test/factories";

let mockToken: Address;

beforeAll(async () => {
  // A plain ERC-20 with USDC's symbol and decimals but no faucet: what a fork's real USDC looks like here.
  const hash = await walletFor(8).deployContract({ abi: mockErc20Abi, bytecode: mockErc20Bytecode, args: ["USD Coin", "USDC", 6] });
  mockToken = getAddress((await publicClient.waitForTransactionReceipt({ hash })).contractAddress as string);
});

const faucetRequest = (address: string) =>
  new Request("http://localhost:3000/api/dev/faucet", { method: "POST", headers: browserHeaders(), body: JSON.stringify({ address }) });

describe("the dev faucet and the configured token", () => {
  beforeEach(() => vi.resetModules());
  afterEach(() => vi.unstubAllEnvs());

  it("knows the project's TestUSDC, and nothing else, as the test token", async () => {
    expect(await (await import("@/lib/chain/server/test-token")).isProjectTestToken()).toBe(true);
    vi.resetModules();
    vi.stubEnv("TOKEN_ADDRESS", mockToken);
    expect(await (await import("@/lib/chain/server/test-token")).isProjectTestToken()).toBe(false);
    vi.resetModules();
    vi.stubEnv("TOKEN_ADDRESS", "0x000000000000000000000000000000000000dEaD");
    expect(await (await import("@/lib/chain/server/test-token")).isProjectTestToken()).toBe(false);
  });

  it("answers 404 for a MockERC20 token on the local chain and sends no ETH and no token", async () => {
    vi.stubEnv("TOKEN_ADDRESS", mockToken);
    const { POST } = await import("@/app/api/dev/faucet/route");
    const recipient = randomAddress();
    const deployerNonce = await publicClient.getTransactionCount({ address: walletFor(0).account.address });
    const res = await POST(faucetRequest(recipient), { params: Promise.resolve({}) });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: "not_found", message: expect.stringMatching(/not the project's test token/) });
    expect(await publicClient.getBalance({ address: recipient })).toBe(0n);
    expect(await publicClient.getTransactionCount({ address: walletFor(0).account.address })).toBe(deployerNonce);
    // The client config tells the wallet menu and the order page not to show the button.
    expect((await (await import("@/lib/chain/server/client-config")).chainClientConfig()).faucet).toBe(false);
  });

  it("still pays out with TestUSDC as the token", async () => {
    const { POST } = await import("@/app/api/dev/faucet/route");
    const recipient = randomAddress();
    const res = await POST(faucetRequest(recipient), { params: Promise.resolve({}) });
    expect(res.status).toBe(200);
    expect(await publicClient.getBalance({ address: recipient })).toBeGreaterThan(0n);
    expect((await (await import("@/lib/chain/server/client-config")).chainClientConfig()).faucet).toBe(true);
  });
});
