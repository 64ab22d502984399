import { mnemonicToAccount, type HDAccount } from "viem/accounts";

/**
 * The demo accounts of the local chain. They are derived from anvil's public
 * test mnemonic, which every Ethereum developer knows: these keys guard nothing
 * and must never hold value on a real network.
 */
export const ANVIL_MNEMONIC = "test test test test test test test test test test test junk";

export type DemoRole = "deployer" | "admin" | "buyer" | "provider";

export interface DemoAccount {
  index: number;
  role: DemoRole;
  label: string;
}

export const demoAccounts: readonly DemoAccount[] = [
  { index: 0, role: "deployer", label: "Deployer & arbiter" },
  { index: 1, role: "admin", label: "Ada (admin)" },
  { index: 2, role: "buyer", label: "Bea (buyer)" },
  { index: 3, role: "provider", label: "Pavel's GPU farm (provider)" },
  { index: 4, role: "provider", label: "Quinn Compute (provider)" },
  { index: 5, role: "provider", label: "Rhea Labs (provider)" },
];

export function demoAccount(index: number): HDAccount {
  return mnemonicToAccount(ANVIL_MNEMONIC, { addressIndex: index });
}
