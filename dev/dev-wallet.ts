import {
  createWalletClient,
  getAddress,
  hexToBigInt,
  http,
  numberToHex,
  SwitchChainError,
  UserRejectedRequestError,
  type Address,
  type EIP1193RequestFn,
  type Hex,
  type TypedDataDefinition,
  type Transport,
  type WalletClient,
} from "viem";
import type { HDAccount } from "viem/accounts";
import { foundry } from "viem/chains";
import { createConnector } from "wagmi";
import { isLocalChain, LOCAL_CHAIN_ID } from "@/lib/chain/chains";
import { demoAccounts, type DemoAccount } from "@/dev/demo-roster";

/**
 * The "Dev wallet": a wagmi connector that acts as one of the seeded demo accounts, signing in the page
 * with a viem local account and sending to the local anvil. It needs no browser extension. The keys
 * come from anvil's public test mnemonic and guard nothing, which is exactly why this must never
 * exist against a real chain: creating it for any chain but 31337 throws, and its provider refuses
 * to switch away from 31337.
 */

export const DEV_WALLET_TYPE = "devWallet";

/** The demo accounts a visitor may act as: the roles the issue names, not the deployer. */
export const devWalletAccounts: readonly DemoAccount[] = demoAccounts.filter((a) => a.role !== "deployer").slice(0, 3);

export class DevWalletUnavailableError extends Error {
  constructor(chainId: number) {
    super(`The dev wallet exists only on the local chain ${LOCAL_CHAIN_ID}, not on chain ${chainId}.`);
    this.name = "DevWalletUnavailableError";
  }
}

interface TxParams {
  to?: Address;
  data?: Hex;
  value?: Hex;
  gas?: Hex;
}

export function devWallet({ accountIndex, chainId, rpcUrl }: { accountIndex: number; chainId: number; rpcUrl: string | undefined }) {
  if (!isLocalChain(chainId)) throw new DevWalletUnavailableError(chainId);
  const demo = demoAccounts.find((a) => a.index === accountIndex);
  if (!demo) throw new Error(`No demo account ${accountIndex}`);
  const address = getAddress(demo.address);
  const rpc = http(rpcUrl)({ chain: foundry });
  // The key is derived on first use, not at page load: BIP-39 derivation is slow and its code is
  // large, and most visitors never pick the dev wallet.
  let signer: Promise<{ account: HDAccount; wallet: WalletClient<Transport, typeof foundry, HDAccount> }> | undefined;
  const loadSigner = () =>
    (signer ??= import("@/dev/dev-accounts").then(({ demoAccount }) => {
      const account = demoAccount(accountIndex);
      return { account, wallet: createWalletClient({ account, chain: foundry, transport: http(rpcUrl) }) };
    }));
  const id = `${DEV_WALLET_TYPE}-${accountIndex}`;
  const storageKey = `${id}.connected`;

  const request = (async ({ method, params }: { method: string; params?: unknown }) => {
    const args = (params ?? []) as unknown[];
    switch (method) {
      case "eth_chainId":
        return numberToHex(LOCAL_CHAIN_ID);
      case "eth_accounts":
      case "eth_requestAccounts":
        return [address];
      case "personal_sign":
        return (await loadSigner()).account.signMessage({ message: { raw: args[0] as Hex } });
      case "eth_signTypedData_v4": {
        const typed = JSON.parse(args[1] as string) as TypedDataDefinition;
        return (await loadSigner()).account.signTypedData(typed);
      }
      case "eth_sendTransaction": {
        const tx = args[0] as TxParams;
        return (await loadSigner()).wallet.sendTransaction({
          to: tx.to,
          data: tx.data,
          value: tx.value ? hexToBigInt(tx.value) : undefined,
          gas: tx.gas ? hexToBigInt(tx.gas) : undefined,
        });
      }
      case "wallet_switchEthereumChain": {
        const target = Number((args[0] as { chainId: Hex }).chainId);
        if (target !== LOCAL_CHAIN_ID) throw new SwitchChainError(new DevWalletUnavailableError(target));
        return null;
      }
      default:
        // Reads (balances, gas estimates, receipts) go to the local chain.
        return rpc.request({ method, params });
    }
  }) as EIP1193RequestFn;
  const provider = { request };

  return createConnector<typeof provider, { demo: DemoAccount }, Record<string, boolean>>((config) => ({
    id,
    name: `Dev wallet: ${demo.label}`,
    type: DEV_WALLET_TYPE,
    demo,
    async connect(parameters) {
      if (parameters?.chainId !== undefined && parameters.chainId !== LOCAL_CHAIN_ID)
        throw new UserRejectedRequestError(new DevWalletUnavailableError(parameters.chainId));
      await config.storage?.setItem(storageKey, true);
      // Account arrays only: this connector reports no capabilities.
      return { accounts: [address], chainId: LOCAL_CHAIN_ID } as never;
    },
    async disconnect() {
      await config.storage?.removeItem(storageKey);
    },
    async getAccounts() {
      return [address];
    },
    async getChainId() {
      return LOCAL_CHAIN_ID;
    },
    async getProvider() {
      return provider;
    },
    async isAuthorized() {
      return (await config.storage?.getItem(storageKey)) === true;
    },
    async switchChain({ chainId: target }) {
      if (target !== LOCAL_CHAIN_ID) throw new SwitchChainError(new DevWalletUnavailableError(target));
      return foundry;
    },
    onAccountsChanged() {},
    onChainChanged() {},
    onDisconnect() {
      config.emitter.emit("disconnect");
    },
  }));
}
