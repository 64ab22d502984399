/**
 * Metered rentals in numbers, pure so the server, the indexer, the order page's live meter and the
 * tests all compute them one way. The escrow (contracts/src/IdlegridEscrow.sol) is the authority:
 * these mirror it through lib/chain/escrow.ts and never decide what is paid.
 *
 * The rate rule. A listing is priced per GPU-hour; the escrow meters whole base units per second. The
 * order's rate is floor(pricePerGpuHour × gpus / 3600), so a second never costs more than the listed
 * price, and the buyer prepays exactly pricePerGpuHour × gpus × hours. When the hourly price is not a
 * multiple of 3600 base units, that amount lasts ceil(amount / rate) seconds, a little longer than the
 * booked hours: the buyer gets the rounding, never the provider's extra. The bonus is below 1/rate of
 * the booked time (at 2.50 USDC per GPU-hour on one GPU, the rate is 694 and the bonus 3 seconds per
 * hour); a full run still pays the provider the whole amount, and a stop pays rate × seconds run.
 */
import { rentalAccrued, rentalEndsAt } from "@/lib/chain/escrow";

export const SECONDS_PER_HOUR = 3_600n;

/**
 * The escrow's DISPUTE_TIMEOUT (14 days): after it, either party may settle an unresolved dispute by
 * its default rule. A contract constant; lib/orders/server/metered.test.ts reads it from the chain.
 */
export const DISPUTE_TIMEOUT_SECONDS = 14 * 86_400;

/** floor(pricePerGpuHour × gpus / 3600); 0 when the whole order costs less than one base unit per second. */
export function ratePerSecondFor(pricePerGpuHour: bigint, gpus: number): bigint {
  return (pricePerGpuHour * BigInt(gpus)) / SECONDS_PER_HOUR;
}

/** How long `amount` runs at `rate`: ceil(amount / rate) seconds, as the escrow computes `endsAt`. */
export function paidSeconds(amount: bigint, rate: bigint): bigint {
  return rentalEndsAt(0n, amount, rate);
}

export interface MeterState {
  /** Unix seconds of the indexed start; null while not started. */
  startedAt: number | null;
  /** Unix seconds where the meter froze (stop, dispute, monitor stop); null while running. */
  stoppedAt: number | null;
  /** Everything prepaid, extensions included. */
  amount: bigint;
  ratePerSecond: bigint;
  /** Already paid to the provider by claims, fee included. */
  claimed: bigint;
}

export interface Meter {
  /** Seconds the machine has run (to the freeze point or the end of the prepaid time). */
  elapsed: number;
  /** Value accrued to the provider so far, fee included. */
  accrued: bigint;
  /** Accrued but not yet claimed. */
  claimable: bigint;
  /** What the buyer would get back if the rental stopped now. */
  remaining: bigint;
  /** Unix seconds when the prepaid amount runs out; null before a start. */
  endsAt: number | null;
  running: boolean;
}

/** The meter at unix second `now`: what lib/chain/escrow.ts rentalAccrued says, frozen at `stoppedAt`. */
export function meterAt(state: MeterState, now: number): Meter {
  if (state.startedAt === null || state.ratePerSecond <= 0n) {
    return { elapsed: 0, accrued: 0n, claimable: 0n, remaining: state.amount - state.claimed, endsAt: null, running: false };
  }
  const startedAt = BigInt(state.startedAt);
  const endsAt = rentalEndsAt(startedAt, state.amount, state.ratePerSecond);
  const at = BigInt(Math.floor(state.stoppedAt !== null && state.stoppedAt < now ? state.stoppedAt : now));
  const accrued = rentalAccrued({ startedAt, endsAt, amount: state.amount, ratePerSecond: state.ratePerSecond }, at);
  const last = at < endsAt ? at : endsAt;
  return {
    elapsed: last > startedAt ? Number(last - startedAt) : 0,
    accrued,
    claimable: accrued > state.claimed ? accrued - state.claimed : 0n,
    remaining: state.amount - accrued,
    endsAt: Number(endsAt),
    running: state.stoppedAt === null && at < endsAt,
  };
}
