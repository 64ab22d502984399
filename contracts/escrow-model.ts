/**
 * A reference model of IdlegridEscrow for the randomized property test: given an operation and
 * the block time it will be mined at, it says whether the contract must accept it and, if so,
 * applies its effect. The test compares the chain against it after every step.
 */
import { zeroAddress, type Address, type Hex } from "viem";
import { computeEscrowId, providerPayment, rentalAccrued, rentalEndsAt } from "@/lib/chain/escrow";

export const S = {
  None: 0,
  Funded: 1,
  Started: 2,
  Completed: 3,
  Disputed: 4,
  Released: 5,
  Refunded: 6,
  Resolved: 7,
  MonitorStopped: 8,
  Ended: 9,
} as const;
export type StatusCode = (typeof S)[keyof typeof S];
export const K = { Fixed: 0, Rental: 1 } as const;
export type KindCode = (typeof K)[keyof typeof K];

/** The contract's constants, in seconds. */
export const MIN_START_WINDOW = 600n;
export const MAX_START_WINDOW = 60n * 86_400n;
export const DISPUTE_TIMEOUT = 14n * 86_400n;
export const MAX_MONITOR_LOOKBACK = 86_400n;

export interface ModelEscrow {
  id: Hex;
  orderId: Hex;
  buyer: Address;
  provider: Address;
  kind: KindCode;
  amount: bigint;
  ratePerSecond: bigint;
  claimed: bigint;
  startDeadline: bigint;
  completedAt: bigint;
  startedAt: bigint;
  endsAt: bigint;
  stoppedAt: bigint;
  disputedAt: bigint;
  status: StatusCode;
  feeBps: number;
}

export const escrowActions = [
  "markStarted",
  "markCompleted",
  "openDispute",
  "release",
  "claimPayment",
  "refund",
  "claimRefund",
  "claim",
  "stop",
  "finalizeMonitorStop",
  "settleDisputeTimeout",
] as const;
export type EscrowAction = (typeof escrowActions)[number];

export type Op =
  | { kind: "open"; caller: Address; orderId: Hex; provider: Address; amount: bigint; startDeadline: bigint }
  | { kind: "openRental"; caller: Address; orderId: Hex; provider: Address; rate: bigint; amount: bigint; startDeadline: bigint }
  | { kind: "extend"; caller: Address; escrowId: Hex; amount: bigint }
  | { kind: EscrowAction; caller: Address; escrowId: Hex }
  | { kind: "resolveDispute"; caller: Address; escrowId: Hex; providerBps: number }
  | { kind: "monitorStop"; caller: Address; escrowId: Hex; endedAt: bigint }
  | { kind: "setOperator"; caller: Address; operator: Address; approved: boolean }
  | { kind: "withdraw"; caller: Address }
  | { kind: "setFeeBps"; caller: Address; feeBps: number }
  | { kind: "pause" | "unpause"; caller: Address };

export interface ModelConfig {
  chainId: number;
  escrow: Address;
  admin: Address;
  arbiters: Address[];
  monitors: Address[];
  treasury: Address;
  disputeWindow: bigint;
  feeBps: number;
  /** What the escrow receives when `amount` is sent to it (less for a fee-on-transfer token). */
  received: (amount: bigint) => bigint;
}

export const isSettled = (e: ModelEscrow) => e.status >= S.Released && e.status !== S.MonitorStopped;
const max0 = (a: bigint) => (a > 0n ? a : 0n);

export class EscrowModel {
  feeBps: number;
  paused = false;
  readonly credits = new Map<Address, bigint>();
  readonly escrows = new Map<Hex, ModelEscrow>();
  readonly operators = new Set<string>();
  /** Everything the escrow ever received. */
  deposited = 0n;

  constructor(readonly config: ModelConfig) {
    this.feeBps = config.feeBps;
  }

  creditOf(account: Address): bigint {
    return this.credits.get(account) ?? 0n;
  }

  /** Money still held for unsettled escrows (what is neither claimed nor settled). */
  held(): bigint {
    let sum = 0n;
    for (const e of this.escrows.values()) if (!isSettled(e)) sum += e.amount - e.claimed;
    return sum;
  }

  isOperator(provider: Address, account: Address) {
    return this.operators.has(`${provider}:${account}`);
  }

  private credit(account: Address, amount: bigint) {
    this.credits.set(account, this.creditOf(account) + amount);
  }

  private payProvider(e: ModelEscrow, gross: bigint) {
    const { providerAmount, fee } = providerPayment(e.claimed, gross, e.feeBps);
    e.claimed += gross;
    this.credit(e.provider, providerAmount);
    this.credit(this.config.treasury, fee);
  }

  /** Every settlement: the provider gets `providerGross` more, the buyer what is then left. */
  private settle(e: ModelEscrow, status: StatusCode, providerGross: bigint) {
    e.status = status;
    this.payProvider(e, providerGross);
    this.credit(e.buyer, e.amount - e.claimed);
  }

  private endRental(e: ModelEscrow, endedAt: bigint) {
    e.stoppedAt = endedAt;
    this.settle(e, S.Ended, max0(rentalAccrued(e, endedAt) - e.claimed));
  }

  private openEscrow(op: Extract<Op, { kind: "open" | "openRental" }>, t: bigint): boolean {
    const { config } = this;
    const id = computeEscrowId(config.chainId, config.escrow, op.caller, op.orderId);
    const rate = op.kind === "openRental" ? op.rate : 0n;
    const received = config.received(op.amount);
    const ok =
      !this.paused &&
      (op.kind === "open" || rate > 0n) &&
      op.provider !== zeroAddress &&
      op.provider !== op.caller &&
      op.startDeadline >= t + MIN_START_WINDOW &&
      op.startDeadline <= t + MAX_START_WINDOW &&
      !this.escrows.has(id) &&
      op.amount > 0n &&
      received > 0n;
    if (!ok) return false;
    this.escrows.set(id, {
      id,
      orderId: op.orderId,
      buyer: op.caller,
      provider: op.provider,
      kind: rate > 0n ? K.Rental : K.Fixed,
      amount: received,
      ratePerSecond: rate,
      claimed: 0n,
      startDeadline: op.startDeadline,
      completedAt: 0n,
      startedAt: 0n,
      endsAt: 0n,
      stoppedAt: 0n,
      disputedAt: 0n,
      status: S.Funded,
      feeBps: this.feeBps,
    });
    this.deposited += received;
    return true;
  }

  /** Applies `op` mined at block time `t` if the contract must accept it; returns whether it must. */
  apply(op: Op, t: bigint): boolean {
    const { config } = this;
    switch (op.kind) {
      case "open":
      case "openRental":
        return this.openEscrow(op, t);
      case "withdraw":
        if (this.creditOf(op.caller) === 0n) return false;
        this.credits.set(op.caller, 0n);
        return true;
      case "setFeeBps":
        if (op.caller !== config.admin || op.feeBps > 1_000) return false;
        this.feeBps = op.feeBps;
        return true;
      case "pause":
      case "unpause":
        if (op.caller !== config.admin || this.paused === (op.kind === "pause")) return false;
        this.paused = op.kind === "pause";
        return true;
      case "setOperator":
        if (op.operator === zeroAddress || op.operator === op.caller) return false;
        if (op.approved) this.operators.add(`${op.caller}:${op.operator}`);
        else this.operators.delete(`${op.caller}:${op.operator}`);
        return true;
    }

    const e = this.escrows.get(op.escrowId);
    if (!e) return false;
    const isBuyer = op.caller === e.buyer;
    const isParty = isBuyer || op.caller === e.provider;
    const providerSide = op.caller === e.provider || this.isOperator(e.provider, op.caller);
    const neutral = !isParty && !this.isOperator(e.provider, op.caller);
    const rental = e.kind === K.Rental;
    const windowCloses = e.completedAt + config.disputeWindow;
    switch (op.kind) {
      case "extend": {
        const received = config.received(op.amount);
        const open = e.status === S.Funded || (e.status === S.Started && t < e.endsAt);
        if (this.paused || !isBuyer || !rental || !open || op.amount === 0n || received === 0n) return false;
        e.amount += received;
        this.deposited += received;
        if (e.status === S.Started) e.endsAt = rentalEndsAt(e.startedAt, e.amount, e.ratePerSecond);
        return true;
      }
      case "markStarted":
        if (!providerSide || e.status !== S.Funded || t > e.startDeadline) return false;
        e.status = S.Started;
        e.startedAt = t;
        if (rental) e.endsAt = rentalEndsAt(t, e.amount, e.ratePerSecond);
        return true;
      case "markCompleted":
        if (!providerSide || rental || e.status !== S.Started) return false;
        e.status = S.Completed;
        e.completedAt = t;
        return true;
      case "openDispute":
        if (!isParty) return false;
        if (e.status === S.Started) {
          if (rental) e.stoppedAt = t;
        } else if (!((e.status === S.Completed || e.status === S.MonitorStopped) && t <= windowCloses)) {
          return false;
        }
        e.status = S.Disputed;
        e.disputedAt = t;
        return true;
      case "release":
        if (!isBuyer || isSettled(e)) return false;
        this.settle(e, S.Released, e.amount - e.claimed);
        return true;
      case "claimPayment":
        if (!providerSide || e.status !== S.Completed || t <= windowCloses) return false;
        this.settle(e, S.Released, e.amount - e.claimed);
        return true;
      case "refund":
        if (op.caller !== e.provider || isSettled(e)) return false;
        this.settle(e, S.Refunded, 0n);
        return true;
      case "claimRefund":
        if (!isBuyer || e.status !== S.Funded || t <= e.startDeadline) return false;
        this.settle(e, S.Refunded, 0n);
        return true;
      case "claim": {
        if (!providerSide || !rental || e.status !== S.Started) return false;
        const gross = rentalAccrued(e, t) - e.claimed;
        if (gross === 0n) return false;
        this.payProvider(e, gross);
        if (e.claimed === e.amount) e.status = S.Ended;
        return true;
      }
      case "stop":
        if (!isParty || !rental) return false;
        if (e.status === S.Funded) this.settle(e, S.Refunded, 0n);
        else if (e.status === S.Started) this.endRental(e, t < e.endsAt ? t : e.endsAt);
        else return false;
        return true;
      case "monitorStop": {
        const inRange = op.endedAt >= e.startedAt && op.endedAt <= t && op.endedAt + MAX_MONITOR_LOOKBACK >= t;
        if (!config.monitors.includes(op.caller) || !neutral || !rental || e.status !== S.Started || !inRange) return false;
        e.status = S.MonitorStopped;
        e.stoppedAt = op.endedAt;
        e.completedAt = t;
        return true;
      }
      case "finalizeMonitorStop":
        if (!isParty || e.status !== S.MonitorStopped || t <= windowCloses) return false;
        this.endRental(e, e.stoppedAt);
        return true;
      case "resolveDispute":
        if (!config.arbiters.includes(op.caller) || !neutral || e.status !== S.Disputed || op.providerBps > 10_000) return false;
        this.settle(e, S.Resolved, ((e.amount - e.claimed) * BigInt(op.providerBps)) / 10_000n);
        return true;
      case "settleDisputeTimeout": {
        if (!isParty || e.status !== S.Disputed || t <= e.disputedAt + DISPUTE_TIMEOUT) return false;
        const due = rental ? rentalAccrued(e, e.stoppedAt) : e.completedAt !== 0n ? e.amount : 0n;
        this.settle(e, S.Resolved, max0(due - e.claimed));
        return true;
      }
    }
  }
}
