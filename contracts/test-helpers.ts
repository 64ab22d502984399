/**
 * Shared fixtures for the escrow tests: fresh deployments of the escrow and the mock tokens on
 * the test anvil, fixed-price and rental escrows, control of the chain's clock, transactions that
 * must succeed, and reverts decoded to their custom error.
 */
import {
  BaseError,
  ContractFunctionRevertedError,
  createPublicClient,
  decodeErrorResult,
  getAddress,
  http,
  parseEventLogs,
  parseSignature,
  RpcRequestError,
  stringToHex,
  keccak256,
  type Abi,
  type Address,
  type Hex,
  type TransactionReceipt,
} from "viem";
import { foundry } from "viem/chains";
import { afterAll, beforeAll } from "vitest";
import { demoAccount } from "@/dev/dev-accounts";
import { blacklistTokenAbi, blacklistTokenBytecode } from "@/contracts/generated/BlacklistToken";
import { feeOnTransferTokenAbi, feeOnTransferTokenBytecode } from "@/contracts/generated/FeeOnTransferToken";
import { idlegridEscrowAbi, idlegridEscrowBytecode } from "@/lib/chain/generated/IdlegridEscrow";
import { permitTypes } from "@/lib/chain/permit";
import { mockErc20Abi, mockErc20Bytecode } from "@/contracts/generated/MockERC20";
import { reentrantTokenAbi, reentrantTokenBytecode } from "@/contracts/generated/ReentrantToken";
import { testClient, walletFor } from "@/test/chain";

/** Polls fast: anvil mines on every transaction, so receipts exist as soon as the send returns. */
export const publicClient = createPublicClient({ chain: foundry, transport: http(process.env.RPC_URL), pollingInterval: 20 });
export { testClient };

export const admin = walletFor(0);
export const arbiter = walletFor(1);
export const buyer = walletFor(2);
export const provider = walletFor(3);
export const stranger = walletFor(4);
export const otherBuyer = walletFor(5);
export const operator = walletFor(6);
export const monitor = walletFor(7);
export const treasury = demoAccount(9).address;

export type Wallet = ReturnType<typeof walletFor>;

export const FEE_BPS = 250;
export const DISPUTE_WINDOW = 24n * 3600n;
export const escrowAbi = idlegridEscrowAbi;

/** Every error any contract in play can raise, so a revert from the token decodes too. */
const allErrors = [idlegridEscrowAbi, mockErc20Abi, blacklistTokenAbi, feeOnTransferTokenAbi, reentrantTokenAbi]
  .flat()
  .filter((item) => item.type === "error") as Abi;

/** Takes a snapshot before the file's tests and restores it after (balances, code and time). */
export function isolateFile() {
  let snapshot: Hex;
  beforeAll(async () => {
    snapshot = await testClient.snapshot();
  });
  afterAll(async () => {
    await testClient.revert({ id: snapshot });
  });
}

export async function mined(hash: Hex): Promise<TransactionReceipt> {
  const receipt = await publicClient.waitForTransactionReceipt({ hash });
  if (receipt.status !== "success") throw new Error(`transaction ${hash} reverted`);
  return receipt;
}

export async function deploy(abi: Abi, bytecode: Hex, args: readonly unknown[] = [], from: Wallet = admin): Promise<Address> {
  const receipt = await mined(await from.deployContract({ abi, bytecode, args }));
  if (!receipt.contractAddress) throw new Error("deployment produced no address");
  return getAddress(receipt.contractAddress);
}

export type TokenKind = "usdc" | "dai18" | "blacklist" | "feeOnTransfer" | "reentrant";

/** Deploys a fresh mock token. Every kind has a public `mint(to, amount)`. */
export async function deployToken(kind: TokenKind): Promise<Address> {
  switch (kind) {
    case "usdc":
      return deploy(mockErc20Abi, mockErc20Bytecode, ["Mock USD Coin", "mUSDC", 6]);
    case "dai18":
      return deploy(mockErc20Abi, mockErc20Bytecode, ["Mock Dai", "mDAI", 18]);
    case "blacklist":
      return deploy(blacklistTokenAbi, blacklistTokenBytecode);
    case "feeOnTransfer":
      return deploy(feeOnTransferTokenAbi, feeOnTransferTokenBytecode, [100n]); // 1% burnt per transfer
    case "reentrant":
      return deploy(reentrantTokenAbi, reentrantTokenBytecode);
  }
}

export async function deployEscrow(token: Address, overrides: { feeBps?: number; disputeWindow?: bigint } = {}) {
  return deploy(idlegridEscrowAbi, idlegridEscrowBytecode, [
    token,
    admin.account.address,
    arbiter.account.address,
    treasury,
    overrides.feeBps ?? FEE_BPS,
    overrides.disputeWindow ?? DISPUTE_WINDOW,
  ]);
}

export async function mint(token: Address, to: Address, amount: bigint) {
  await mined(await admin.writeContract({ address: token, abi: mockErc20Abi, functionName: "mint", args: [to, amount] }));
}

export async function approve(wallet: Wallet, token: Address, spender: Address, amount: bigint) {
  await mined(await wallet.writeContract({ address: token, abi: mockErc20Abi, functionName: "approve", args: [spender, amount] }));
}

/** An EIP-2612 permit from `owner` for `spender`, signed for the mock token's domain. */
export async function signPermit(owner: Wallet, token: Address, spender: Address, value: bigint, deadline: bigint) {
  const name = await publicClient.readContract({ address: token, abi: mockErc20Abi, functionName: "name" });
  const nonce = await publicClient.readContract({
    address: token,
    abi: mockErc20Abi,
    functionName: "nonces",
    args: [owner.account.address],
  });
  const signature = await owner.signTypedData({
    domain: { name, version: "1", chainId: 31337, verifyingContract: token },
    types: permitTypes,
    primaryType: "Permit",
    message: { owner: owner.account.address, spender, value, nonce, deadline },
  });
  const { r, s, v } = parseSignature(signature);
  return { v: Number(v), r, s };
}

export async function balanceOf(token: Address, account: Address): Promise<bigint> {
  return publicClient.readContract({ address: token, abi: mockErc20Abi, functionName: "balanceOf", args: [account] });
}

export async function now(): Promise<bigint> {
  return (await publicClient.getBlock()).timestamp;
}

/** Moves the chain's clock: the next block is mined `seconds` later. */
export async function travel(seconds: bigint) {
  await testClient.increaseTime({ seconds: Number(seconds) });
  await testClient.mine({ blocks: 1 });
}

let orderCounter = 0;
/** A fresh bytes32 order id for each call within a test run. */
export function newOrderId(): Hex {
  orderCounter += 1;
  return keccak256(stringToHex(`order-${orderCounter}-${Math.random()}`));
}

/** The custom error a failed call reverted with, decoded against every ABI in play. */
export function revertOf(error: unknown): { errorName: string; args: readonly unknown[] } {
  if (!(error instanceof BaseError)) throw error;
  const reverted = error.walk((e) => e instanceof ContractFunctionRevertedError) as ContractFunctionRevertedError | null;
  const rpc = error.walk((e) => e instanceof RpcRequestError) as RpcRequestError | null;
  const data = reverted?.raw ?? (typeof rpc?.data === "string" ? (rpc.data as Hex) : undefined);
  if (!data) throw error;
  const decoded = decodeErrorResult({ abi: allErrors, data });
  return { errorName: decoded.errorName, args: decoded.args ?? [] };
}

/** Awaits a call that must revert, and returns its decoded custom error. */
export async function reverted(call: Promise<unknown>) {
  const outcome = await call.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (outcome === undefined) throw new Error("expected the call to revert, but it succeeded");
  return revertOf(outcome);
}

export function eventsOf<const A extends Abi>(abi: A, receipt: TransactionReceipt) {
  return parseEventLogs({ abi, logs: receipt.logs });
}

/** A fresh token and escrow with two funded buyers who approved the escrow for everything. */
export async function escrowFixture(kind: TokenKind = "usdc", overrides: { feeBps?: number; disputeWindow?: bigint } = {}) {
  const token = await deployToken(kind);
  const escrow = await deployEscrow(token, overrides);
  for (const wallet of [buyer, otherBuyer]) {
    await mint(token, wallet.account.address, 10n ** 30n);
    await approve(wallet, token, escrow, 2n ** 256n - 1n);
  }
  return { token, escrow };
}

/** Opens an escrow from `from` for `provider` and returns its id and receipt. */
export async function openEscrow(
  escrow: Address,
  opts: { from?: Wallet; amount?: bigint; startIn?: bigint; orderId?: Hex; to?: Address } = {},
) {
  const from = opts.from ?? buyer;
  const orderId = opts.orderId ?? newOrderId();
  const startDeadline = (await now()) + (opts.startIn ?? 3600n);
  const args = [orderId, opts.to ?? provider.account.address, opts.amount ?? 1_000_000n, startDeadline] as const;
  const receipt = await mined(await from.writeContract({ address: escrow, abi: escrowAbi, functionName: "open", args }));
  const escrowId = await publicClient.readContract({
    address: escrow,
    abi: escrowAbi,
    functionName: "escrowIdOf",
    args: [from.account.address, orderId],
  });
  return { escrowId, orderId, startDeadline, receipt };
}

/** Opens a metered rental from `from` for `provider` and returns its id and receipt. */
export async function openRental(
  escrow: Address,
  opts: { from?: Wallet; rate?: bigint; amount?: bigint; startIn?: bigint; orderId?: Hex; to?: Address } = {},
) {
  const from = opts.from ?? buyer;
  const orderId = opts.orderId ?? newOrderId();
  const startDeadline = (await now()) + (opts.startIn ?? 3600n);
  const args = [orderId, opts.to ?? provider.account.address, opts.rate ?? 100n, opts.amount ?? 360_000n, startDeadline] as const;
  const receipt = await mined(await from.writeContract({ address: escrow, abi: escrowAbi, functionName: "openRental", args }));
  const escrowId = await publicClient.readContract({
    address: escrow,
    abi: escrowAbi,
    functionName: "escrowIdOf",
    args: [from.account.address, orderId],
  });
  return { escrowId, orderId, startDeadline, receipt };
}

/** The timestamp of the block a receipt was mined in. */
export async function blockTime(receipt: TransactionReceipt): Promise<bigint> {
  return (await publicClient.getBlock({ blockNumber: receipt.blockNumber })).timestamp;
}

/** The next transaction is mined exactly at `timestamp`. */
export async function at(timestamp: bigint) {
  await testClient.setNextBlockTimestamp({ timestamp });
}

/** Grants `role` ("ARBITER_ROLE", "MONITOR_ROLE") on `escrow` to `to`. */
export async function grantRole(escrow: Address, role: "ARBITER_ROLE" | "MONITOR_ROLE", to: Address) {
  const id = await publicClient.readContract({ address: escrow, abi: escrowAbi, functionName: role });
  await mined(await admin.writeContract({ address: escrow, abi: escrowAbi, functionName: "grantRole", args: [id, to] }));
}

export async function escrowState(escrow: Address, escrowId: Hex) {
  return publicClient.readContract({ address: escrow, abi: escrowAbi, functionName: "getEscrow", args: [escrowId] });
}

export async function creditOf(escrow: Address, account: Address): Promise<bigint> {
  return publicClient.readContract({ address: escrow, abi: escrowAbi, functionName: "credits", args: [account] });
}

type EscrowAction =
  | "markStarted"
  | "markCompleted"
  | "openDispute"
  | "release"
  | "claimPayment"
  | "refund"
  | "claimRefund"
  | "claim"
  | "stop"
  | "finalizeMonitorStop"
  | "settleDisputeTimeout";

/** Sends one per-escrow action and returns the receipt; it must succeed. */
export async function act(wallet: Wallet, escrow: Address, functionName: EscrowAction, escrowId: Hex) {
  return mined(await wallet.writeContract({ address: escrow, abi: escrowAbi, functionName, args: [escrowId] }));
}

/** Simulates one per-escrow action that must revert and returns its custom error. */
export async function actReverts(wallet: Wallet, escrow: Address, functionName: EscrowAction, escrowId: Hex) {
  return reverted(
    publicClient.simulateContract({ account: wallet.account, address: escrow, abi: escrowAbi, functionName, args: [escrowId] }),
  );
}
