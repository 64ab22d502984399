import "server-only";
/**
 * What the escrow holds for an account and what the account has taken out, read from the chain
 * (the chain decides what is paid): `credits(account)` is the pull-payment balance, and the
 * withdrawn total sums the contract's `Withdrawn(account, amount)` logs. The indexer stores only
 * order events, so those logs are read here, filtered by the indexed account topic.
 */
import { getAbiItem, getAddress, type Address } from "viem";
import { env } from "@/env";
import { idlegridEscrowAbi } from "@/lib/chain/generated/IdlegridEscrow";
import { publicClient } from "@/lib/chain/server/client";

export interface EscrowBalance {
  credited: bigint;
  withdrawn: bigint;
}

const withdrawnEvent = getAbiItem({ abi: idlegridEscrowAbi, name: "Withdrawn" });

/** null when no escrow is configured; throws when the chain cannot be read (the page says so). */
export async function escrowBalance(account: string): Promise<EscrowBalance | null> {
  if (!env.ESCROW_ADDRESS) return null;
  const escrow = getAddress(env.ESCROW_ADDRESS) as Address;
  const who = getAddress(account);
  const [credited, logs] = await Promise.all([
    publicClient.readContract({ address: escrow, abi: idlegridEscrowAbi, functionName: "credits", args: [who] }),
    publicClient.getLogs({
      address: escrow,
      event: withdrawnEvent,
      args: { account: who },
      fromBlock: env.INDEXER_START_BLOCK,
      toBlock: "latest",
      strict: true,
    }),
  ]);
  return { credited, withdrawn: logs.reduce((sum, l) => sum + l.args.amount, 0n) };
}
