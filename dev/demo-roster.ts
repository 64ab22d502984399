/**
 * Who the demo accounts of the local chain are: labels, roles and their public
 * addresses. Kept apart from the key derivation (dev-accounts.ts) so the
 * browser can list the dev wallet's accounts without shipping the mnemonic
 * tooling (BIP-39/32, PBKDF2) in every page's first load. dev-accounts.test.ts
 * checks these addresses against the derived keys.
 */
export type DemoRole = "deployer" | "admin" | "buyer" | "provider";

export interface DemoAccount {
  index: number;
  role: DemoRole;
  label: string;
  address: `0x${string}`;
}

export const demoAccounts: readonly DemoAccount[] = [
  { index: 0, role: "deployer", label: "Deployer & arbiter", address: "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266" },
  { index: 1, role: "admin", label: "Ada (admin)", address: "0x70997970C51812dc3A010C7d01b50e0d17dc79C8" },
  { index: 2, role: "buyer", label: "Bea (buyer)", address: "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC" },
  { index: 3, role: "provider", label: "Pavel's GPU farm (provider)", address: "0x90F79bf6EB2c4f870365E785982E1f101E93b906" },
  { index: 4, role: "provider", label: "Quinn Compute (provider)", address: "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65" },
  { index: 5, role: "provider", label: "Rhea Labs (provider)", address: "0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc" },
];
