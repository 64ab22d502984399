import "server-only";
/** Reading the escrow's order events from the chain, decoded and in chain order. */
import { getAbiItem, type AbiEvent, type Address, type Hex, type PublicClient } from "viem";
import { idlegridEscrowAbi } from "@/lib/chain/generated/IdlegridEscrow";

export const orderEventNames = [
  "EscrowOpened",
  "EscrowStarted",
  "EscrowCompleted",
  "EscrowDisputed",
  "EscrowReleased",
  "EscrowRefunded",
  "DisputeResolved",
] as const;

const orderEvents = orderEventNames.map((name) => getAbiItem({ abi: idlegridEscrowAbi, name })) as AbiEvent[];

export interface EscrowLog {
  contract: Address;
  txHash: Hex;
  logIndex: number;
  blockNumber: bigint;
  blockHash: Hex;
  eventName: string;
  escrowId: Hex;
  /** Decoded arguments with bigints as decimal strings, as stored in ChainEvent.args. */
  args: Record<string, string | number | boolean>;
}

function plain(args: Record<string, unknown>): Record<string, string | number | boolean> {
  return Object.fromEntries(
    Object.entries(args).map(([k, v]) => [k, typeof v === "bigint" ? v.toString() : typeof v === "number" || typeof v === "boolean" ? v : String(v)]),
  );
}

export async function readEscrowLogs(client: PublicClient, escrow: Address, fromBlock: bigint, toBlock: bigint): Promise<EscrowLog[]> {
  const logs = await client.getLogs({ address: escrow, events: orderEvents, fromBlock, toBlock, strict: true });
  const out: EscrowLog[] = [];
  for (const log of logs) {
    // Pending logs have no position yet; the range never includes them, but the types allow it.
    if (log.blockNumber === null || log.blockHash === null || log.transactionHash === null || log.logIndex === null || !log.eventName) continue;
    const args = plain(log.args as Record<string, unknown>);
    out.push({
      contract: log.address,
      txHash: log.transactionHash,
      logIndex: log.logIndex,
      blockNumber: log.blockNumber,
      blockHash: log.blockHash,
      eventName: log.eventName,
      escrowId: String(args.escrowId) as Hex,
      args,
    });
  }
  return out.sort((a, b) => (a.blockNumber === b.blockNumber ? a.logIndex - b.logIndex : a.blockNumber < b.blockNumber ? -1 : 1));
}
