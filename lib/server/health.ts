import "server-only";
import { env } from "@/env";
import { publicClient } from "@/lib/server/chain";
import { db } from "@/lib/server/db";

type Check<T> = ({ ok: true } & T) | { ok: false; error: string };

export interface Health {
  ok: boolean;
  database: Check<{ latencyMs: number }>;
  chain: Check<{ chainId: number; blockNumber: string }>;
  token: Check<{ address: string }>;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message.split("\n")[0] ?? "unknown error" : String(error);
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
    const [chainId, blockNumber] = await Promise.all([publicClient.getChainId(), publicClient.getBlockNumber()]);
    if (chainId !== env.CHAIN_ID) return { ok: false, error: `RPC is on chain ${chainId}, CHAIN_ID says ${env.CHAIN_ID}` };
    return { ok: true, chainId, blockNumber: blockNumber.toString() };
  } catch (error) {
    return { ok: false, error: message(error) };
  }
}

async function checkToken(): Promise<Health["token"]> {
  try {
    const code = await publicClient.getCode({ address: env.TOKEN_ADDRESS as `0x${string}` });
    if (!code || code === "0x") return { ok: false, error: `no contract at ${env.TOKEN_ADDRESS}` };
    return { ok: true, address: env.TOKEN_ADDRESS };
  } catch (error) {
    return { ok: false, error: message(error) };
  }
}

export async function getHealth(): Promise<Health> {
  const [database, chain, token] = await Promise.all([checkDatabase(), checkChain(), checkToken()]);
  return { ok: database.ok && chain.ok && token.ok, database, chain, token };
}
