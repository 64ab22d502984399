import { base, baseSepolia, foundry, mainnet, sepolia, type Chain } from "viem/chains";

/** Chains the app can run against. The local chain is the only one with a faucet and a dev wallet. */
export const supportedChains = [foundry, base, baseSepolia, mainnet, sepolia] as const satisfies readonly Chain[];

export type SupportedChainId = (typeof supportedChains)[number]["id"];

export const LOCAL_CHAIN_ID = foundry.id;

export function chainById(id: number): Chain | undefined {
  return supportedChains.find((c) => c.id === id);
}

export function isLocalChain(id: number): boolean {
  return id === LOCAL_CHAIN_ID;
}
