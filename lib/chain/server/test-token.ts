import "server-only";
/**
 * Whether TOKEN_ADDRESS is the project's own TestUSDC (contracts/src/TestUSDC.sol), the only token whose
 * faucet() mints for anyone. The chain id alone does not say so: `anvil --fork-url` of a real chain also
 * reports 31337, with Circle's USDC at TOKEN_ADDRESS. So the contract is asked for two constants only
 * TestUSDC has (its code hash cannot be compared: ERC20Permit keeps the deployment's address and chain in
 * immutables). The answer is kept for the process; an RPC failure is remembered only briefly.
 */
import { BaseError, ContractFunctionRevertedError, ContractFunctionZeroDataError, getAddress } from "viem";
import { env } from "@/env";
import { isLocalChain, LOCAL_CHAIN_ID } from "@/lib/chain/chains";
import { testUsdcAbi } from "@/lib/chain/generated/TestUSDC";
import { publicClient } from "@/lib/chain/server/client";

const TEST_FAUCET_LIMIT = 100_000n * 10n ** 6n;
const RPC_FAILURE_MEMORY_MS = 10_000;

let known: boolean | undefined;
let failedUntil = 0;
let inFlight: Promise<boolean> | undefined;

/** The contract answered, and it is not TestUSDC (no such function, or it reverted). */
function isDefinitelyNot(error: unknown): boolean {
  return (
    error instanceof BaseError &&
    error.walk((e) => e instanceof ContractFunctionZeroDataError || e instanceof ContractFunctionRevertedError) !== null
  );
}

async function probe(): Promise<boolean> {
  const address = getAddress(env.TOKEN_ADDRESS);
  try {
    const [limit, localChainId] = await Promise.all([
      publicClient.readContract({ address, abi: testUsdcAbi, functionName: "FAUCET_LIMIT" }),
      publicClient.readContract({ address, abi: testUsdcAbi, functionName: "LOCAL_CHAIN_ID" }),
    ]);
    known = limit === TEST_FAUCET_LIMIT && localChainId === BigInt(LOCAL_CHAIN_ID);
  } catch (error) {
    if (!isDefinitelyNot(error)) {
      failedUntil = Date.now() + RPC_FAILURE_MEMORY_MS;
      return false;
    }
    known = false;
  }
  return known;
}

/** True only on the local chain with TestUSDC as the token: where the dev faucet (and its buttons) exist. */
export async function isProjectTestToken(): Promise<boolean> {
  if (!isLocalChain(env.CHAIN_ID)) return false;
  if (known !== undefined) return known;
  if (Date.now() < failedUntil) return false;
  inFlight ??= probe().finally(() => (inFlight = undefined));
  return inFlight;
}
