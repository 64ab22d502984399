import { createPublicClient, http, recoverMessageAddress, type EIP1193RequestFn, type Hex } from "viem";
import { foundry } from "viem/chains";
import { describe, expect, it } from "vitest";
import { DEV_WALLET_TYPE, devWallet, DevWalletUnavailableError } from "@/dev/dev-wallet";
import { demoAccount } from "@/dev/dev-accounts";
import { createWagmiConfig } from "@/lib/chain/wagmi-config";

const token = "0x0000000000000000000000000000000000000001" as const;
const rpcUrl = process.env.RPC_URL;

describe("the dev wallet", () => {
  it.each([8453, 84532, 1, 11155111, 10])("cannot be created for chain %i", (chainId) => {
    expect(() => devWallet({ accountIndex: 2, chainId, rpcUrl })).toThrow(DevWalletUnavailableError);
  });

  it.each([8453, 84532, 1, 11155111])("is absent from the wagmi config on chain %i", (chainId) => {
    const config = createWagmiConfig({ chainId, rpcUrl: undefined, tokenAddress: token });
    expect(config.connectors.filter((c) => c.type === DEV_WALLET_TYPE)).toEqual([]);
  });

  it("offers the admin, buyer and a provider on the local chain", () => {
    const config = createWagmiConfig({ chainId: 31337, rpcUrl, tokenAddress: token });
    const names = config.connectors.filter((c) => c.type === DEV_WALLET_TYPE).map((c) => c.name);
    expect(names).toEqual(["Dev wallet: Ada (admin)", "Dev wallet: Bea (buyer)", "Dev wallet: Pavel's GPU farm (provider)"]);
  });

  async function provider() {
    const config = createWagmiConfig({ chainId: 31337, rpcUrl, tokenAddress: token });
    const connector = config.connectors.find((c) => c.id === `${DEV_WALLET_TYPE}-2`);
    if (!connector) throw new Error("no dev wallet");
    return { connector, request: ((await connector.getProvider()) as { request: EIP1193RequestFn }).request };
  }

  it("signs messages with the demo account's key", async () => {
    const { request } = await provider();
    const signature = (await request({ method: "personal_sign", params: ["0x68656c6c6f", demoAccount(2).address] })) as Hex;
    expect(await recoverMessageAddress({ message: "hello", signature })).toBe(demoAccount(2).address);
  });

  it("refuses to switch to another chain", async () => {
    const { connector, request } = await provider();
    await expect(request({ method: "wallet_switchEthereumChain", params: [{ chainId: "0x2105" }] })).rejects.toThrow(
      /only on the local chain/,
    );
    await expect(connector.switchChain!({ chainId: 8453 })).rejects.toThrow(/only on the local chain/);
  });

  it("sends transactions to the local chain", async () => {
    const { request } = await provider();
    const from = demoAccount(2).address;
    const hash = (await request({ method: "eth_sendTransaction", params: [{ from, to: demoAccount(3).address, value: "0x1" }] })) as Hex;
    const client = createPublicClient({ chain: foundry, transport: http(rpcUrl) });
    const receipt = await client.waitForTransactionReceipt({ hash });
    expect(receipt.status).toBe("success");
    expect(receipt.from.toLowerCase()).toBe(from.toLowerCase());
  });
});
