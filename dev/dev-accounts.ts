import { mnemonicToAccount, type HDAccount } from "viem/accounts";

/**
 * Keys of the local chain's demo accounts (dev/demo-roster.ts says who
 * they are). They are derived from anvil's public test mnemonic, which every
 * Ethereum developer knows: these keys guard nothing and must never hold value
 * on a real network.
 */
export const ANVIL_MNEMONIC = "test test test test test test test test test test test junk";

export function demoAccount(index: number): HDAccount {
  return mnemonicToAccount(ANVIL_MNEMONIC, { addressIndex: index });
}
