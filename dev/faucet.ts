import "server-only";
/**
 * The local chain's faucet: test ETH from anvil's well-known deployer key and tUSDC from the test
 * token's own `faucet` (which reverts on any chain but 31337). Never reachable elsewhere: the route
 * answers 404 and this refuses too, so a misconfigured deployment cannot hand anything out.
 */
import { createWalletClient, getAddress, http, parseEther, parseUnits, type Address } from "viem";
import { z } from "zod";
import { env } from "@/env";
import { isLocalChain } from "@/lib/chain/chains";
import { demoAccount } from "@/dev/dev-accounts";
import { testUsdcAbi } from "@/lib/chain/generated/TestUSDC";
import { appChain, publicClient } from "@/lib/chain/server/client";
import { isProjectTestToken } from "@/lib/chain/server/test-token";

/** The faucet route's body: the address to pay. */
export const faucetRequestSchema = z.object({ address: z.string().regex(/^0x[0-9a-fA-F]{40}$/, "must be a 0x-prefixed 20-byte address") });

export const FAUCET_ETH = parseEther("1");
export const FAUCET_TOKEN = parseUnits("1000", 6);

/** One faucet payout at a time: both transactions come from one account, and parallel sends would reuse a nonce. */
let queue: Promise<unknown> = Promise.resolve();

export function sendFaucet(to: Address) {
  const next = queue.then(() => payOut(to));
  queue = next.catch(() => undefined);
  return next;
}

async function payOut(to: Address) {
  if (!isLocalChain(env.CHAIN_ID)) throw new Error("the faucet exists only on the local chain");
  // Checked before the ETH goes out: against a forked chain's real USDC, faucet() does not exist.
  if (!(await isProjectTestToken())) throw new Error("the faucet exists only for the project's test token (TestUSDC)");
  const recipient = getAddress(to);
  const wallet = createWalletClient({ chain: appChain, transport: http(env.RPC_URL), account: demoAccount(0) });
  const ethTx = await wallet.sendTransaction({ to: recipient, value: FAUCET_ETH });
  await publicClient.waitForTransactionReceipt({ hash: ethTx });
  const tokenTx = await wallet.writeContract({
    address: getAddress(env.TOKEN_ADDRESS),
    abi: testUsdcAbi,
    functionName: "faucet",
    args: [recipient, FAUCET_TOKEN],
  });
  await publicClient.waitForTransactionReceipt({ hash: tokenTx });
  return { address: recipient, eth: FAUCET_ETH.toString(), token: FAUCET_TOKEN.toString(), transactions: [ethTx, tokenTx] };
}
