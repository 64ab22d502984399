/** viem clients on the test anvil started by test/global-setup.ts, with anvil's test accounts. */
import { createPublicClient, createTestClient, createWalletClient, http, type Address } from "viem";
import { foundry } from "viem/chains";
import { demoAccount } from "@/dev/dev-accounts";

const transport = http(process.env.RPC_URL);

export const publicClient = createPublicClient({ chain: foundry, transport });
export const testClient = createTestClient({ chain: foundry, mode: "anvil", transport });

export function walletFor(index: number) {
  return createWalletClient({ chain: foundry, transport, account: demoAccount(index) });
}

export const tokenAddress = process.env.TOKEN_ADDRESS as Address;
