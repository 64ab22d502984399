/**
 * `npx tsx scripts/deploy-escrow.ts`: deploys IdlegridEscrow for an existing stablecoin on a real chain
 * (Base, Base Sepolia, Ethereum, ...) and prints its address and the variables that point the
 * app at it. Configuration comes from the environment only, so the key never lands in shell
 * history as an argument:
 *
 *   RPC_URL                 JSON-RPC endpoint of the target chain
 *   DEPLOYER_PRIVATE_KEY    0x-prefixed key of the account paying for the deployment
 *   TOKEN_ADDRESS           the stablecoin (e.g. the chain's real USDC)
 *   ESCROW_ARBITER          account that resolves disputes (ARBITER_ROLE)
 *   ESCROW_TREASURY         account credited with platform fees
 *   ESCROW_ADMIN            DEFAULT_ADMIN_ROLE: fee, treasury, pause, roles (default: the deployer)
 *   ESCROW_FEE_BPS          platform fee in basis points, at most 1000 (default 250 = 2.5%)
 *   ESCROW_DISPUTE_WINDOW   seconds after completion to open a dispute, 3600..2592000 (default 259200 = 3 days)
 */
import { createPublicClient, createWalletClient, erc20Abi, getAddress, http, isAddress, type Address } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { z } from "zod";
import { chainById } from "../lib/chain/chains";
import { idlegridEscrowAbi, idlegridEscrowBytecode } from "../lib/chain/generated/IdlegridEscrow";

/** Circle's native USDC, the token the escrow is meant for on each public chain. */
export const knownUsdc: Record<number, Address> = {
  8453: "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913", // Base
  84532: "0x036CbD53842c5426634e7929541eC2318f3dCF7e", // Base Sepolia
  1: "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48", // Ethereum
};

const address = z
  .string()
  .refine((a) => isAddress(a, { strict: false }), "must be a 0x-prefixed 20-byte address")
  .transform((a) => getAddress(a));

const configSchema = z.object({
  RPC_URL: z.url({ error: "is required: the JSON-RPC URL of the target chain" }),
  DEPLOYER_PRIVATE_KEY: z.string().regex(/^0x[0-9a-fA-F]{64}$/, "must be a 0x-prefixed 32-byte hex private key"),
  TOKEN_ADDRESS: address,
  ESCROW_ARBITER: address,
  ESCROW_TREASURY: address,
  ESCROW_ADMIN: address.optional(),
  ESCROW_FEE_BPS: z.coerce.number().int().min(0).max(1_000).default(250),
  ESCROW_DISPUTE_WINDOW: z.coerce
    .number()
    .int()
    .min(3_600)
    .max(30 * 86_400)
    .default(3 * 86_400),
});

async function main() {
  const parsed = configSchema.safeParse(Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== "")));
  if (!parsed.success) {
    console.error(`Invalid configuration:\n${parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n")}`);
    process.exit(1);
  }
  const config = parsed.data;
  const account = privateKeyToAccount(config.DEPLOYER_PRIVATE_KEY as `0x${string}`);
  const probe = createPublicClient({ transport: http(config.RPC_URL) });
  const chainId = await probe.getChainId();
  const chain = chainById(chainId);
  if (!chain) throw new Error(`The RPC is on chain ${chainId}, which the app does not support.`);
  const publicClient = createPublicClient({ chain, transport: http(config.RPC_URL) });

  // Read the token from the chain: a wrong address or a non-token fails here, not after paying gas.
  const token = config.TOKEN_ADDRESS;
  const [symbol, decimals] = await Promise.all([
    publicClient.readContract({ address: token, abi: erc20Abi, functionName: "symbol" }),
    publicClient.readContract({ address: token, abi: erc20Abi, functionName: "decimals" }),
  ]).catch(() => {
    throw new Error(`${token} on chain ${chainId} does not answer symbol() and decimals(); is it the right token address?`);
  });
  const expected = knownUsdc[chainId];
  if (expected && expected !== token) console.warn(`warning: ${token} is not Circle's USDC on ${chain.name} (${expected}).`);

  const admin = config.ESCROW_ADMIN ?? account.address;
  console.log(
    [
      `Deploying IdlegridEscrow on ${chain.name} (${chainId}) from ${account.address}`,
      `  token     ${token} (${symbol}, ${decimals} decimals)`,
      `  admin     ${admin}`,
      `  arbiter   ${config.ESCROW_ARBITER}`,
      `  treasury  ${config.ESCROW_TREASURY}`,
      `  fee       ${config.ESCROW_FEE_BPS} bps`,
      `  dispute   ${config.ESCROW_DISPUTE_WINDOW} s after completion`,
    ].join("\n"),
  );

  const wallet = createWalletClient({ chain, transport: http(config.RPC_URL), account });
  const hash = await wallet.deployContract({
    abi: idlegridEscrowAbi,
    bytecode: idlegridEscrowBytecode,
    args: [token, admin, config.ESCROW_ARBITER, config.ESCROW_TREASURY, config.ESCROW_FEE_BPS, BigInt(config.ESCROW_DISPUTE_WINDOW)],
  });
  console.log(`transaction ${hash}${chain.blockExplorers ? ` (${chain.blockExplorers.default.url}/tx/${hash})` : ""}`);
  const receipt = await publicClient.waitForTransactionReceipt({ hash });
  if (receipt.status !== "success" || !receipt.contractAddress) throw new Error(`deployment failed in block ${receipt.blockNumber}`);
  const escrow = getAddress(receipt.contractAddress);

  console.log(`\nIdlegridEscrow deployed at ${escrow}\n\nPoint the app at it with:\n`);
  console.log(`  CHAIN_ID=${chainId}\n  RPC_URL=<your RPC URL>\n  TOKEN_ADDRESS=${token}\n  ESCROW_ADDRESS=${escrow}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
