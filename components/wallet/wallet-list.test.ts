import { describe, expect, it } from "vitest";
import { walletEntries } from "@/components/wallet/wallet-list";
import { createWagmiConfig } from "@/lib/chain/wagmi-config";

const token = "0x0000000000000000000000000000000000000001" as const;
const names = (list: readonly { name: string }[]) => list.map((c) => c.name);

/** The connectors a page gets, plus what EIP-6963 discovery would add: a wallet that announced itself. */
function connectorsOn(chainId: number, announced = false, walletConnectProjectId?: string) {
  const config = createWagmiConfig({ chainId, rpcUrl: undefined, tokenAddress: token, walletConnectProjectId });
  const mipd = { id: "io.metamask", name: "MetaMask", type: "injected" };
  return announced ? [...config.connectors, mipd] : [...config.connectors];
}

describe("the connect dialog's wallet list", () => {
  it.each([31337, 8453, 84532, 1, 11155111])("offers Coinbase Wallet on chain %i, and WalletConnect only with a project id", (chainId) => {
    const { wallets } = walletEntries(connectorsOn(chainId), chainId, false);
    expect(names(wallets)).toContain("Coinbase Wallet");
    expect(names(wallets).some((n) => /walletconnect/i.test(n))).toBe(false);
    const withProject = walletEntries(connectorsOn(chainId, false, "0123456789abcdef0123456789abcdef"), chainId, false);
    expect(names(withProject.wallets)).toEqual(["Coinbase Wallet", "WalletConnect"]);
  });

  it("shows announced wallets instead of the generic window.ethereum entry", () => {
    const { wallets, browserWalletFound } = walletEntries(connectorsOn(8453, true), 8453, true);
    expect(names(wallets)).toEqual(["Coinbase Wallet", "MetaMask"]);
    expect(browserWalletFound).toBe(true);
  });

  it("keeps the generic entry for a wallet that only sets window.ethereum, and drops it when there is none", () => {
    expect(names(walletEntries(connectorsOn(8453), 8453, true).wallets)).toEqual(["Injected", "Coinbase Wallet"]);
    const none = walletEntries(connectorsOn(8453), 8453, false);
    expect(names(none.wallets)).toEqual(["Coinbase Wallet"]);
    expect(none.browserWalletFound).toBe(false);
  });

  it("lists the dev wallet's demo accounts on the local chain only", () => {
    expect(names(walletEntries(connectorsOn(31337), 31337, false).devWallets)).toEqual([
      "Dev wallet: Ada (admin)",
      "Dev wallet: Bea (buyer)",
      "Dev wallet: Pavel's GPU farm (provider)",
    ]);
    // Even if a dev connector reached the list on another chain, the dialog would not show it.
    const local = connectorsOn(31337);
    expect(walletEntries(local, 8453, false).devWallets).toEqual([]);
  });
});
