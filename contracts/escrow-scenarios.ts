/**
 * What the property test sends: a seeded generator of random operations (valid and invalid, by
 * the right and the wrong accounts, landing on deadlines and off by one second), and the moves
 * one party makes alone, without the arbiter and without the other party, to bring an escrow to
 * settlement (the liveness check).
 */
import { encodeFunctionData, keccak256, stringToHex, zeroAddress, type Address, type Hex } from "viem";
import { demoAccount } from "@/dev/dev-accounts";
import {
  DISPUTE_TIMEOUT,
  escrowActions,
  EscrowModel,
  isSettled,
  K,
  MAX_START_WINDOW,
  S,
  type EscrowAction,
  type ModelEscrow,
  type Op,
} from "./escrow-model";
import { escrowAbi } from "./test-helpers";

/** Seeded PRNG (mulberry32), so a failure replays from its seed. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const big = (lo: number, hi: number) => BigInt(int(lo, hi));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)] as T;
  return { next, int, big, pick };
}
export type Rng = ReturnType<typeof prng>;

const addr = (i: number) => demoAccount(i).address;
export const roles = {
  admin: addr(0),
  /** The arbiter of the deployment, and a provider who was also made arbiter: it must never decide its own escrows. */
  arbiters: [addr(1), addr(4)],
  /** The monitor, and a buyer who was also made monitor. */
  monitors: [addr(6), addr(2)],
  buyerIndexes: [2, 5],
  buyers: [addr(2), addr(5)],
  providers: [addr(3), addr(4)],
  /** Accounts providers may make operators: a plain agent, the monitor, the other provider. */
  operatorCandidates: [addr(7), addr(6), addr(4)],
  treasury: addr(9),
};
export const actors = [
  ...new Set([
    roles.admin,
    ...roles.arbiters,
    ...roles.monitors,
    ...roles.buyers,
    ...roles.providers,
    ...roles.operatorCandidates,
    roles.treasury,
  ]),
];

const DAY = 86_400;
type Kind = Op["kind"];

/** The moves that make sense from each state, so sequences reach deep states; settled escrows get re-settlement attempts. */
const times = (n: number, kind: Kind): Kind[] => Array.from({ length: n }, () => kind);
const fixedMoves: Record<number, Kind[]> = {
  [S.Funded]: [...times(4, "markStarted"), "release", "refund", "claimRefund", "openDispute", "stop", "extend"],
  [S.Started]: [...times(3, "markCompleted"), ...times(3, "openDispute"), "release", "refund", "claimRefund", "claim"],
  [S.Completed]: [...times(2, "openDispute"), ...times(2, "claimPayment"), "release", "refund", "markCompleted", "settleDisputeTimeout"],
  [S.Disputed]: [...times(4, "resolveDispute"), ...times(2, "settleDisputeTimeout"), "release", "refund", "openDispute"],
};
const rentalMoves: Record<number, Kind[]> = {
  [S.Funded]: [...times(4, "markStarted"), "stop", "extend", "release", "refund", "claimRefund", "claim"],
  [S.Started]: [
    ...times(3, "claim"),
    ...times(4, "monitorStop"),
    ...times(2, "stop"),
    ...times(2, "extend"),
    ...times(3, "openDispute"),
    "release",
    "refund",
    "markCompleted",
  ],
  [S.MonitorStopped]: [...times(3, "finalizeMonitorStop"), ...times(2, "openDispute"), "release", "refund", "claim", "stop"],
  [S.Disputed]: [...times(3, "resolveDispute"), ...times(2, "settleDisputeTimeout"), "release", "refund", "claim"],
};
const settledMoves: Kind[] = [
  "release",
  "refund",
  "claimPayment",
  "resolveDispute",
  "stop",
  "claim",
  "finalizeMonitorStop",
  "settleDisputeTimeout",
  "extend",
];
const everyEscrowMove: Kind[] = [...escrowActions, "resolveDispute", "monitorStop", "extend"];

/** The account that would be allowed to do `kind` on `e`, most of the time. */
function likelyCaller(rng: Rng, model: EscrowModel, kind: Kind, e: ModelEscrow | undefined): Address {
  if (rng.next() < 0.15 || !e) return rng.pick(actors);
  switch (kind) {
    case "resolveDispute":
      return rng.next() < 0.8 ? roles.arbiters[0]! : rng.pick(roles.arbiters);
    case "monitorStop":
      return rng.next() < 0.8 ? roles.monitors[0]! : rng.pick(roles.monitors);
    case "openDispute":
    case "finalizeMonitorStop":
    case "settleDisputeTimeout":
      return rng.pick([e.buyer, e.provider]);
    case "stop":
      return rng.next() < 0.8 ? e.buyer : e.provider;
    case "release":
    case "claimRefund":
    case "extend":
      return e.buyer;
    case "markStarted":
    case "markCompleted":
    case "claim":
    case "claimPayment": {
      const operators = roles.operatorCandidates.filter((o) => model.isOperator(e.provider, o));
      return operators.length > 0 && rng.next() < 0.4 ? rng.pick(operators) : e.provider;
    }
    default:
      return e.provider;
  }
}

/** A start deadline around the allowed range [t + MIN_START_WINDOW, t + MAX_START_WINDOW] for a transaction mined at `t`. */
function startDeadline(rng: Rng, t: bigint): bigint {
  const r = rng.next();
  if (r < 0.05) return t + 599n; // one second short of MIN_START_WINDOW
  if (r < 0.1) return t + 600n;
  if (r < 0.13) return t + MAX_START_WINDOW + rng.big(0, 1);
  if (r < 0.15) return t - 5n;
  return t + rng.big(600, 7_200);
}

function newEscrowOp(rng: Rng, model: EscrowModel, mine: Hex[], t: bigint): Op {
  const caller = rng.pick(roles.buyers);
  const reuse = mine.length > 0 && rng.next() < 0.1;
  const orderId = reuse ? (model.escrows.get(rng.pick(mine))?.orderId as Hex) : keccak256(stringToHex(`${rng.next()}`));
  const provider = rng.next() < 0.03 ? rng.pick([caller, zeroAddress]) : rng.pick(roles.providers);
  const deadline = startDeadline(rng, t);
  if (rng.next() < 0.5) {
    const amount = rng.next() < 0.03 ? 0n : rng.big(1, 2_000_000_000);
    return { kind: "open", caller, orderId, provider, amount, startDeadline: deadline };
  }
  // Rates from one base unit to one token per second; prepaid times from a second to days, often
  // not a whole number of seconds; rarely a prepaid time beyond uint64 (the end saturates).
  const rate = rng.next() < 0.03 ? 0n : rng.pick([1n, rng.big(1, 1_000), rng.big(1_000, 1_000_000)]);
  const seconds = rng.pick([rng.big(1, 120), rng.big(60, 7_200), rng.big(3_600, 3 * DAY)]);
  let amount = rate === 0n ? seconds : rate * seconds + (rng.next() < 0.5 && rate > 1n ? rng.big(1, Number(rate) - 1) : 0n);
  if (rng.next() < 0.02) amount = 10n ** 24n;
  if (rng.next() < 0.02) amount = 0n;
  return { kind: "openRental", caller, orderId, provider, rate, amount, startDeadline: deadline };
}

/** The deadline the next transaction on `e` should land on (or one second past) to probe an off-by-one. */
function edgeOf(e: ModelEscrow, disputeWindow: bigint): bigint | undefined {
  switch (e.status) {
    case S.Funded:
      return e.startDeadline;
    case S.Completed:
    case S.MonitorStopped:
      return e.completedAt + disputeWindow;
    case S.Disputed:
      return e.disputedAt + DISPUTE_TIMEOUT;
    case S.Started:
      return e.kind === K.Rental && e.endsAt < 2n ** 40n ? e.endsAt : undefined;
  }
  return undefined;
}

export function randomOp(rng: Rng, model: EscrowModel, mine: Hex[], now: bigint): Op | { kind: "travel"; seconds: bigint } {
  const t = now + 1n; // every block is mined one second after the previous
  // While paused nothing opens, so a sequence would only retry opens: unpausing comes first.
  if (model.paused && rng.next() < 0.3) return { kind: "unpause", caller: rng.next() < 0.9 ? roles.admin : rng.pick(actors) };
  const roll = rng.next();
  if (roll < 0.12 || mine.length === 0) return newEscrowOp(rng, model, mine, t);
  if (roll < 0.22)
    return { kind: "travel", seconds: BigInt(rng.pick([1, 60, 599, 600, 1_800, 3_599, 3_600, 3_601, 7_200, DAY, 15 * DAY])) };
  if (roll < 0.27) return { kind: "withdraw", caller: rng.pick(actors) };
  if (roll < 0.29)
    return { kind: "setFeeBps", caller: rng.pick([roles.admin, roles.admin, roles.arbiters[0]!]), feeBps: rng.int(0, 1_100) };
  if (roll < 0.3) return { kind: rng.pick(["pause", "unpause"] as const), caller: rng.next() < 0.9 ? roles.admin : rng.pick(actors) };
  if (roll < 0.33) {
    const caller = rng.next() < 0.9 ? rng.pick(roles.providers) : rng.pick(actors);
    const operator = rng.next() < 0.05 ? rng.pick([zeroAddress, caller]) : rng.pick(roles.operatorCandidates);
    return { kind: "setOperator", caller, operator, approved: rng.next() < 0.7 };
  }
  // Mostly this sequence's escrows; sometimes any escrow ever opened, or an id nobody opened.
  const r = rng.next();
  const live = mine.filter((id) => !isSettled(model.escrows.get(id) as ModelEscrow));
  const escrowId =
    r < 0.75 && live.length > 0
      ? rng.pick(live)
      : r < 0.9
        ? rng.pick(mine)
        : r < 0.98
          ? rng.pick([...model.escrows.keys()])
          : keccak256(stringToHex(`unknown${rng.next()}`));
  const e = model.escrows.get(escrowId);
  const edge = e && edgeOf(e, model.config.disputeWindow);
  if (edge !== undefined && rng.next() < 0.15) {
    const seconds = edge + rng.big(0, 1) - 1n - now;
    if (seconds > 0n) return { kind: "travel", seconds };
  }
  // Waiting states mostly wait for their deadline, then someone acts on it.
  const waits = e && (e.status === S.Completed || e.status === S.MonitorStopped ? 0.4 : e.status === S.Disputed ? 0.15 : 0);
  if (e && edge !== undefined && waits && rng.next() < waits) {
    if (t <= edge) return { kind: "travel", seconds: edge - now + rng.big(-1, 1) };
    const kind = e.status === S.Completed ? "claimPayment" : e.status === S.MonitorStopped ? "finalizeMonitorStop" : "settleDisputeTimeout";
    return { kind, caller: likelyCaller(rng, model, kind, e), escrowId };
  }
  const moves = !e
    ? everyEscrowMove
    : isSettled(e)
      ? settledMoves
      : ((e.kind === K.Rental ? rentalMoves : fixedMoves)[e.status] ?? everyEscrowMove);
  const kind = rng.next() < 0.1 ? rng.pick(everyEscrowMove) : rng.pick(moves);
  const caller = likelyCaller(rng, model, kind, e);
  switch (kind) {
    case "resolveDispute":
      return { kind, caller, escrowId, providerBps: rng.next() < 0.05 ? 10_001 : rng.pick([0, 10_000, rng.int(0, 10_000)]) };
    case "extend":
      return { kind, caller, escrowId, amount: rng.next() < 0.05 ? 0n : rng.big(1, 10_000_000) };
    case "monitorStop": {
      const start = e?.startedAt ?? 0n;
      const candidates = [
        start - 1n,
        start,
        start + rng.big(0, Number(t > start ? t - start : 0n)),
        t,
        t + 1n,
        t - BigInt(DAY),
        t - BigInt(DAY) - 1n,
      ];
      const endedAt = rng.pick(candidates);
      return { kind, caller, escrowId, endedAt: endedAt < 0n ? 0n : endedAt };
    }
    case "open":
    case "openRental":
    case "withdraw":
    case "setFeeBps":
    case "pause":
    case "unpause":
    case "setOperator":
      throw new Error(`not an escrow move: ${kind}`);
    default:
      return { kind, caller, escrowId };
  }
}

export function calldata(op: Op): Hex {
  switch (op.kind) {
    case "open":
      return encodeFunctionData({ abi: escrowAbi, functionName: "open", args: [op.orderId, op.provider, op.amount, op.startDeadline] });
    case "openRental":
      return encodeFunctionData({
        abi: escrowAbi,
        functionName: "openRental",
        args: [op.orderId, op.provider, op.rate, op.amount, op.startDeadline],
      });
    case "extend":
      return encodeFunctionData({ abi: escrowAbi, functionName: "extend", args: [op.escrowId, op.amount] });
    case "withdraw":
    case "pause":
    case "unpause":
      return encodeFunctionData({ abi: escrowAbi, functionName: op.kind });
    case "setFeeBps":
      return encodeFunctionData({ abi: escrowAbi, functionName: "setFeeBps", args: [op.feeBps] });
    case "setOperator":
      return encodeFunctionData({ abi: escrowAbi, functionName: "setOperator", args: [op.operator, op.approved] });
    case "resolveDispute":
      return encodeFunctionData({ abi: escrowAbi, functionName: "resolveDispute", args: [op.escrowId, op.providerBps] });
    case "monitorStop":
      return encodeFunctionData({ abi: escrowAbi, functionName: "monitorStop", args: [op.escrowId, op.endedAt] });
    default:
      return encodeFunctionData({ abi: escrowAbi, functionName: op.kind, args: [op.escrowId] });
  }
}

/** The longest any escrow can take to settle by one party acting alone, from any state. */
export function livenessBound(disputeWindow: bigint): bigint {
  const afterDispute = disputeWindow + DISPUTE_TIMEOUT;
  return (MAX_START_WINDOW > afterDispute ? MAX_START_WINDOW : afterDispute) + 1n;
}

/**
 * The next move of `party` alone on an unsettled escrow, for a transaction mined at `t`: an
 * operation, or the time to wait for. It never concedes more than the rules give the other party
 * (the buyer releases only a completed job whose dispute window has closed, which claimPayment
 * would pay the same; the provider refunds only an unstarted escrow, which claimRefund would).
 */
export function selfHelpMove(e: ModelEscrow, party: "buyer" | "provider", t: bigint, disputeWindow: bigint): Op | { waitUntil: bigint } {
  const caller = party === "buyer" ? e.buyer : e.provider;
  const act = (kind: EscrowAction): Op => ({ kind, caller, escrowId: e.id });
  const after = (deadline: bigint, kind: EscrowAction) => (t > deadline ? act(kind) : { waitUntil: deadline + 1n });
  const rental = e.kind === K.Rental;
  switch (e.status) {
    case S.Funded:
      if (party === "provider") return act("refund");
      return rental ? act("stop") : after(e.startDeadline, "claimRefund");
    case S.Started:
      if (party === "buyer") return act(rental ? "stop" : "openDispute");
      if (!rental) return act("markCompleted");
      // The provider waits for the prepaid end when it comes sooner than a dispute's timeout would.
      if (t >= e.endsAt) return act("claim");
      return e.endsAt - t <= DISPUTE_TIMEOUT ? { waitUntil: e.endsAt } : act("openDispute");
    case S.Completed:
      if (t <= e.completedAt + disputeWindow)
        return party === "buyer" ? act("openDispute") : { waitUntil: e.completedAt + disputeWindow + 1n };
      return act(party === "buyer" ? "release" : "claimPayment");
    case S.MonitorStopped:
      return after(e.completedAt + disputeWindow, "finalizeMonitorStop");
    case S.Disputed:
      return after(e.disputedAt + DISPUTE_TIMEOUT, "settleDisputeTimeout");
  }
  throw new Error(`escrow ${e.id} is settled (status ${e.status})`);
}
