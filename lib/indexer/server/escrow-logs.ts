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
  // Version 2: metered rentals and the dispute timeout. Each names its escrow id like the ones above.
  "RentalOpened",
  "RentalExtended",
  "RentalClaimed",
  "RentalEnded",
  "RentalMonitorStopped",
  "DisputeTimedOut",
] as const;

const orderEvents = orderEventNames.map((name) => getAbiItem({ abi: idlegridEscrowAbi, name })) as AbiEvent[];

export interface EscrowLog {
  contract: Address;
  txHash: Hex;
  logIndex: number;
  blockNumber: bigint;
  blockHash: Hex;
  /** The block's timestamp: when the chain says it happened, whenever the indexer reads it. */
  blockTime: Date;
  eventName: string;
  escrowId: Hex;
  /** Decoded arguments with bigints as decimal strings, as stored in ChainEvent.args. */
  args: Record<string, string | number | boolean>;
}

function plain(args: Record<string, unknown>): Record<string, string | number | boolean> {
  return Object.fromEntries(
    Object.entries(args).map(([k, v]) => [
      k,
      typeof v === "bigint" ? v.toString() : typeof v === "number" || typeof v === "boolean" ? v : String(v),
    ]),
  );
}

export async function readEscrowLogs(client: PublicClient, escrow: Address, fromBlock: bigint, toBlock: bigint): Promise<EscrowLog[]> {
  const logs = await client.getLogs({ address: escrow, events: orderEvents, fromBlock, toBlock, strict: true });
  // Nodes that put the block's timestamp on each log (newer geth, anvil) save a request per block.
  const times = new Map<bigint, bigint>();
  for (const log of logs) {
    if (log.blockNumber !== null && typeof log.blockTimestamp === "bigint") times.set(log.blockNumber, log.blockTimestamp);
  }
  for (const blockNumber of new Set(logs.map((l) => l.blockNumber).filter((n): n is bigint => n !== null && !times.has(n)))) {
    times.set(blockNumber, (await client.getBlock({ blockNumber })).timestamp);
  }
  const out: EscrowLog[] = [];
  for (const log of logs) {
    // Pending logs have no position yet; the range never includes them, but the types allow it.
    if (log.blockNumber === null || log.blockHash === null || log.transactionHash === null || log.logIndex === null || !log.eventName)
      continue;
    const args = plain(log.args as Record<string, unknown>);
    out.push({
      contract: log.address,
      txHash: log.transactionHash,
      logIndex: log.logIndex,
      blockNumber: log.blockNumber,
      blockHash: log.blockHash,
      blockTime: new Date(Number(times.get(log.blockNumber) ?? 0n) * 1000),
      eventName: log.eventName,
      escrowId: String(args.escrowId) as Hex,
      args,
    });
  }
  return out.sort((a, b) => (a.blockNumber === b.blockNumber ? a.logIndex - b.logIndex : a.blockNumber < b.blockNumber ? -1 : 1));
}
