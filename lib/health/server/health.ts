import "server-only";
import { erc20Abi, getAddress, type Address } from "viem";
import { env } from "@/env";
import { idlegridEscrowAbi } from "@/lib/chain/generated/IdlegridEscrow";
import { publicClient } from "@/lib/chain/server/client";
import { db } from "@/lib/core/server/db";

type Check<T> = ({ ok: true } & T) | { ok: false; error: string };

export interface Health {
  ok: boolean;
  /** When these checks ran; answers are reused for HEALTH_CACHE_MS. */
  checkedAt: string;
  database: Check<{ latencyMs: number }>;
  chain: Check<{ chainId: number; blockNumber: string }>;
  token: Check<{ address: string }>;
  /** Only present when ESCROW_ADDRESS is set. */
  escrow?: Check<{ address: string }>;
}

function message(error: unknown): string {
  return error instanceof Error ? (error.message.split("\n")[0] ?? "unknown error") : String(error);
}

async function checkDatabase(): Promise<Health["database"]> {
  const start = performance.now();
  try {
    await db.$queryRaw`SELECT 1`;
    return { ok: true, latencyMs: Math.round(performance.now() - start) };
  } catch (error) {
    return { ok: false, error: message(error) };
  }
}

async function checkChain(): Promise<Health["chain"]> {
  try {
    const [chainId, blockNumber] = await Promise.all([publicClient.getChainId(), publicClient.getBlockNumber({ cacheTime: 0 })]);
    if (chainId !== env.CHAIN_ID) return { ok: false, error: `RPC is on chain ${chainId}, CHAIN_ID says ${env.CHAIN_ID}` };
    return { ok: true, chainId, blockNumber: blockNumber.toString() };
  } catch (error) {
    return { ok: false, error: message(error) };
  }
}

async function checkToken(): Promise<Health["token"]> {
  try {
    const address = env.TOKEN_ADDRESS as `0x${string}`;
    const code = await publicClient.getCode({ address });
    if (!code || code === "0x") return { ok: false, error: `no contract at ${env.TOKEN_ADDRESS}` };
    // Pages show amounts in the token's decimals: a contract that does not answer them is as good as none.
    const decimals = await publicClient.readContract({ address, abi: erc20Abi, functionName: "decimals" }).catch(() => null);
    if (decimals === null)
      return { ok: false, error: `the contract at ${env.TOKEN_ADDRESS} does not answer decimals(); is it an ERC-20 token?` };
    return { ok: true, address: env.TOKEN_ADDRESS };
  } catch (error) {
    return { ok: false, error: message(error) };
  }
}

/** The escrow must exist and be the escrow of TOKEN_ADDRESS: a mismatch would pay orders in the wrong coin. */
async function checkEscrow(address: Address): Promise<NonNullable<Health["escrow"]>> {
  try {
    const code = await publicClient.getCode({ address });
    if (!code || code === "0x") return { ok: false, error: `no contract at ${address}` };
    const token = await publicClient.readContract({ address, abi: idlegridEscrowAbi, functionName: "token" });
    if (getAddress(token) !== getAddress(env.TOKEN_ADDRESS)) {
      return { ok: false, error: `escrow at ${address} holds token ${token}, but TOKEN_ADDRESS is ${env.TOKEN_ADDRESS}` };
    }
    return { ok: true, address };
  } catch (error) {
    return { ok: false, error: message(error) };
  }
}

export async function getHealth(): Promise<Health> {
  const escrowAddress = env.ESCROW_ADDRESS as Address | undefined;
  const [database, chain, token, escrow] = await Promise.all([
    checkDatabase(),
    checkChain(),
    checkToken(),
    escrowAddress ? checkEscrow(escrowAddress) : undefined,
  ]);
  const ok = database.ok && chain.ok && token.ok && (escrow?.ok ?? true);
  return { ok, checkedAt: new Date().toISOString(), database, chain, token, ...(escrow ? { escrow } : {}) };
}

/**
 * How long one answer is reused. Each check costs the database a query and the RPC up to five calls, and
 * /api/health answers anyone: without this, a loop of anonymous requests is a loop of RPC calls.
 */
export const HEALTH_CACHE_MS = 1_500;

let cached: { until: number; health: Promise<Health> } | undefined;

/** getHealth at most once per HEALTH_CACHE_MS; concurrent callers share the checks in flight. */
export function cachedHealth(now = Date.now()): Promise<Health> {
  if (cached && cached.until > now) return cached.health;
  const health = getHealth();
  cached = { until: now + HEALTH_CACHE_MS, health };
  return health;
}
