/**
 * Fixtures for the payment tests: fresh funded wallets (random keys, so tests never share
 * nonces or balances), a provider with a LIVE listing, orders made through the real code path,
 * and the buyer's real approve + open transactions on the test anvil.
 */
import {
  createPublicClient,
  createWalletClient,
  erc20Abi,
  getAddress,
  http,
  parseEther,
  parseUnits,
  type Address,
  type Hex,
  type PublicClient,
} from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { foundry } from "viem/chains";
import { idlegridEscrowAbi } from "@/lib/chain/generated/IdlegridEscrow";
import { testUsdcAbi } from "@/lib/chain/generated/TestUSDC";
import type { User } from "@/lib/generated/prisma/client";
import type { Caller } from "@/lib/auth/server/caller";
import { db } from "@/lib/core/server/db";
import { createIndexer, type IndexerOptions } from "@/lib/indexer/server/indexer";
import { createOrder } from "@/lib/orders/server/create";
import { testClient } from "@/test/chain";
import { createMachine } from "@/test/factories";
import { baseUnitsOf } from "@/lib/core/money";

const transport = http(process.env.RPC_URL);
/** Polls fast: anvil mines each transaction at once. */
export const chainClient = createPublicClient({ chain: foundry, transport, pollingInterval: 20 }) as PublicClient;
export const token = getAddress(process.env.TOKEN_ADDRESS as string);
export const escrow = getAddress(process.env.ESCROW_ADDRESS as string);

/** A wallet with ETH and test tokens; pass `privateKey` when something else must sign as it too (the CLI). */
export async function fundedWallet(privateKey: Hex = generatePrivateKey()) {
  const account = privateKeyToAccount(privateKey);
  await testClient.setBalance({ address: account.address, value: parseEther("10") });
  const wallet = createWalletClient({ chain: foundry, transport, account });
  await mined(
    await wallet.writeContract({
      address: token,
      abi: testUsdcAbi,
      functionName: "faucet",
      args: [account.address, parseUnits("10000", 6)],
    }),
  );
  return wallet;
}
export type Wallet = Awaited<ReturnType<typeof fundedWallet>>;

export async function mined(hash: Hex) {
  const receipt = await chainClient.waitForTransactionReceipt({ hash });
  if (receipt.status !== "success") throw new Error(`transaction ${hash} reverted`);
  return receipt;
}

export function callerFor(user: Pick<User, "id" | "address">): Caller {
  return { userId: user.id, address: getAddress(user.address), roles: [], isAdmin: false, sessionId: "test" };
}

/** A provider (with a wallet and a LIVE 2-GPU listing at 1.5 tUSDC per GPU-hour) and a buyer. */
export async function rental(listing: { pricePerGpuHour?: string; gpuCount?: number } = {}) {
  const [providerWallet, buyerWallet] = await Promise.all([fundedWallet(), fundedWallet()]);
  const provider = await db.user.create({ data: { address: providerWallet.account.address } });
  const buyer = await db.user.create({ data: { address: buyerWallet.account.address } });
  const machine = await createMachine(provider.id, {
    pricePerGpuHour: listing.pricePerGpuHour ?? "1500000",
    gpuCount: listing.gpuCount ?? 2,
  });
  return { provider, buyer, machine, providerWallet, buyerWallet };
}
export type Rental = Awaited<ReturnType<typeof rental>>;

/**
 * An order for the rental's machine. A machine rents to one order at a time, so once the first order
 * holds it, later ones rent a twin machine of the same provider at the same terms (as a provider with
 * several identical machines offers them).
 */
export async function order(r: Rental, hours = 3) {
  const held = await db.order.count({ where: { listingId: r.machine.id, status: { in: ["PENDING_PAYMENT", "FUNDED", "ACTIVE"] } } });
  const listingId =
    held === 0
      ? r.machine.id
      : (await createMachine(r.provider.id, { pricePerGpuHour: r.machine.pricePerGpuHour, gpuCount: r.machine.gpuCount })).id;
  const id = await createOrder(callerFor(r.buyer), { listingId, hours });
  return db.order.findUniqueOrThrow({ where: { id } });
}

/**
 * approve + open from `wallet`: openRental at the order's rate for a rental, open for a job's fixed price.
 * Each term can be overridden to stage a payment that must not count (`ratePerSecond: null` opens a
 * rental order fixed-price; a rate opens a job's order as a rental).
 */
export async function pay(
  wallet: Wallet,
  o: {
    orderIdHex: string;
    providerAddress: string;
    amount: { toFixed(d: number): string };
    startDeadline: Date;
    ratePerSecond?: { toFixed(d: number): string } | null;
  },
  overrides: {
    amount?: bigint;
    escrow?: Address;
    token?: Address;
    orderIdHex?: Hex;
    ratePerSecond?: bigint | null;
    startDeadline?: bigint;
  } = {},
) {
  const amount = overrides.amount ?? baseUnitsOf(o.amount);
  const to = overrides.escrow ?? escrow;
  const rate = overrides.ratePerSecond !== undefined ? overrides.ratePerSecond : o.ratePerSecond ? baseUnitsOf(o.ratePerSecond) : null;
  const orderId = overrides.orderIdHex ?? (o.orderIdHex as Hex);
  const deadline = overrides.startDeadline ?? BigInt(Math.floor(o.startDeadline.getTime() / 1000));
  await mined(
    await wallet.writeContract({ address: overrides.token ?? token, abi: erc20Abi, functionName: "approve", args: [to, amount] }),
  );
  return mined(
    rate === null
      ? await wallet.writeContract({
          address: to,
          abi: idlegridEscrowAbi,
          functionName: "open",
          args: [orderId, o.providerAddress as Address, amount, deadline],
        })
      : await wallet.writeContract({
          address: to,
          abi: idlegridEscrowAbi,
          functionName: "openRental",
          args: [orderId, o.providerAddress as Address, rate, amount, deadline],
        }),
  );
}

type EscrowIdCall =
  "markStarted" | "markCompleted" | "release" | "refund" | "openDispute" | "stop" | "claim" | "settleDisputeTimeout" | "claimRefund";

export async function escrowWrite(wallet: Wallet, functionName: EscrowIdCall, escrowId: string) {
  return mined(await wallet.writeContract({ address: escrow, abi: idlegridEscrowAbi, functionName, args: [escrowId as Hex] }));
}

export function indexer(overrides: Partial<IndexerOptions> = {}) {
  return createIndexer({ db, client: chainClient, chainId: foundry.id, escrow, confirmations: 1, startBlock: 0n, ...overrides });
}

export function statusOf(id: string) {
  return db.order.findUniqueOrThrow({ where: { id }, select: { status: true } }).then((o) => o.status);
}
