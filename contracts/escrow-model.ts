/**
 * A reference model of IdlegridEscrow for the randomized property test: given an operation and
 * the block time it will be mined at, it says whether the contract must accept it and, if so,
 * applies its effect. The test compares the chain against it after every step.
 */
import type { Address, Hex } from "viem";
import { computeEscrowId, releaseSplit, resolveSplit } from "@/lib/chain/escrow";

export const S = { None: 0, Funded: 1, Started: 2, Completed: 3, Disputed: 4, Released: 5, Refunded: 6, Resolved: 7 } as const;
export type StatusCode = (typeof S)[keyof typeof S];

export interface ModelEscrow {
  id: Hex;
  orderId: Hex;
  buyer: Address;
  provider: Address;
  amount: bigint;
  startDeadline: bigint;
  completedAt: bigint;
  status: StatusCode;
  feeBps: number;
}

export type EscrowAction = "markStarted" | "markCompleted" | "openDispute" | "release" | "claimPayment" | "refund" | "claimRefund";

export type Op =
  | { kind: "open"; caller: Address; orderId: Hex; provider: Address; amount: bigint; startDeadline: bigint }
  | { kind: EscrowAction; caller: Address; escrowId: Hex }
  | { kind: "resolveDispute"; caller: Address; escrowId: Hex; providerBps: number }
  | { kind: "withdraw"; caller: Address }
  | { kind: "setFeeBps"; caller: Address; feeBps: number };

export interface ModelConfig {
  chainId: number;
  escrow: Address;
  admin: Address;
  arbiter: Address;
  treasury: Address;
  disputeWindow: bigint;
  feeBps: number;
  /** What the escrow receives when `amount` is sent to it (less for a fee-on-transfer token). */
  received: (amount: bigint) => bigint;
}

const unsettled = (e: ModelEscrow) => e.status >= S.Funded && e.status <= S.Disputed;

export class EscrowModel {
  feeBps: number;
  readonly credits = new Map<Address, bigint>();
  readonly escrows = new Map<Hex, ModelEscrow>();
  /** Sum of the amounts of escrows not yet settled. */
  openSum = 0n;

  constructor(readonly config: ModelConfig) {
    this.feeBps = config.feeBps;
  }

  creditOf(account: Address): bigint {
    return this.credits.get(account) ?? 0n;
  }

  private credit(account: Address, amount: bigint) {
    this.credits.set(account, this.creditOf(account) + amount);
  }

  private settle(e: ModelEscrow, status: StatusCode, parts: [Address, bigint][]) {
    e.status = status;
    this.openSum -= e.amount;
    for (const [account, amount] of parts) this.credit(account, amount);
  }

  private payProvider(e: ModelEscrow) {
    const { providerAmount, fee } = releaseSplit(e.amount, e.feeBps);
    this.settle(e, S.Released, [
      [e.provider, providerAmount],
      [this.config.treasury, fee],
    ]);
  }

  /** Applies `op` mined at block time `t` if the contract must accept it; returns whether it must. */
  apply(op: Op, t: bigint): boolean {
    const { config } = this;
    switch (op.kind) {
      case "open": {
        const id = computeEscrowId(config.chainId, config.escrow, op.caller, op.orderId);
        const received = config.received(op.amount);
        const ok =
          op.provider !== op.caller && op.amount > 0n && received > 0n && op.startDeadline > t && !this.escrows.has(id);
        if (!ok) return false;
        this.escrows.set(id, {
          id,
          orderId: op.orderId,
          buyer: op.caller,
          provider: op.provider,
          amount: received,
          startDeadline: op.startDeadline,
          completedAt: 0n,
          status: S.Funded,
          feeBps: this.feeBps,
        });
        this.openSum += received;
        return true;
      }
      case "withdraw": {
        if (this.creditOf(op.caller) === 0n) return false;
        this.credits.set(op.caller, 0n);
        return true;
      }
      case "setFeeBps": {
        if (op.caller !== config.admin || op.feeBps > 1_000) return false;
        this.feeBps = op.feeBps;
        return true;
      }
    }

    const e = this.escrows.get(op.escrowId);
    if (!e) return false;
    const isBuyer = op.caller === e.buyer;
    const isProvider = op.caller === e.provider;
    const windowCloses = e.completedAt + config.disputeWindow;
    switch (op.kind) {
      case "markStarted":
        if (!isProvider || e.status !== S.Funded || t > e.startDeadline) return false;
        e.status = S.Started;
        return true;
      case "markCompleted":
        if (!isProvider || e.status !== S.Started) return false;
        e.status = S.Completed;
        e.completedAt = t;
        return true;
      case "openDispute":
        if (!isBuyer && !isProvider) return false;
        if (!(e.status === S.Started || (e.status === S.Completed && t <= windowCloses))) return false;
        e.status = S.Disputed;
        return true;
      case "release":
        if (!isBuyer || !unsettled(e)) return false;
        this.payProvider(e);
        return true;
      case "claimPayment":
        if (!isProvider || e.status !== S.Completed || t <= windowCloses) return false;
        this.payProvider(e);
        return true;
      case "refund":
        if (!isProvider || !unsettled(e)) return false;
        this.settle(e, S.Refunded, [[e.buyer, e.amount]]);
        return true;
      case "claimRefund":
        if (!isBuyer || e.status !== S.Funded || t <= e.startDeadline) return false;
        this.settle(e, S.Refunded, [[e.buyer, e.amount]]);
        return true;
      case "resolveDispute": {
        if (op.caller !== config.arbiter || e.status !== S.Disputed || op.providerBps > 10_000) return false;
        const split = resolveSplit(e.amount, e.feeBps, op.providerBps);
        this.settle(e, S.Resolved, [
          [e.buyer, split.buyerAmount],
          [e.provider, split.providerAmount],
          [config.treasury, split.fee],
        ]);
        return true;
      }
    }
  }
}
