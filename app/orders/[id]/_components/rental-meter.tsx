"use client";
/**
 * A rental's live meter: started at, elapsed, accrued, remaining and ends at, ticking each second in the
 * browser from what the indexer read on chain (the start, extensions, claims, where it stopped) and the
 * order's rate, the way the escrow computes it (lib/orders/metering.ts). It shows, it never decides:
 * stopping and claiming pay what the contract computes in that block.
 */
import { useEffect, useState } from "react";
import { formatDateTime, formatToken } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { meterAt } from "@/lib/orders/metering";

type Label =
  | "meter"
  | "meterStartedAt"
  | "meterElapsed"
  | "meterAccrued"
  | "meterRemaining"
  | "meterEndsAt"
  | "meterStoppedAt"
  | "meterRate"
  | "claimable"
  | "claimedSoFar";

interface Props {
  /** ISO times from the order view. */
  startedAt: string;
  stoppedAt: string | null;
  amount: string;
  ratePerSecond: string;
  claimed: string;
  /** The server's clock when it rendered, in unix seconds: the first render matches the server's HTML. */
  initialNow: number;
  showClaimable: boolean;
  decimals: number;
  symbol: string;
  locale: Locale;
  /** Words in the page's language (meterRate already names the rate). */
  labels: Record<Label, string>;
}

const unix = (iso: string) => Math.floor(Date.parse(iso) / 1000);

/** Seconds as h:mm:ss, the same in every language. */
function duration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${h}:${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}`;
}

export function RentalMeter({
  startedAt,
  stoppedAt,
  amount,
  ratePerSecond,
  claimed,
  initialNow,
  showClaimable,
  decimals,
  symbol,
  locale,
  labels,
}: Props) {
  const [now, setNow] = useState(initialNow);
  useEffect(() => {
    const timer = setInterval(() => setNow(Math.floor(Date.now() / 1000)), 1000);
    return () => clearInterval(timer);
  }, []);
  const m = meterAt(
    {
      startedAt: unix(startedAt),
      stoppedAt: stoppedAt ? unix(stoppedAt) : null,
      amount: BigInt(amount),
      ratePerSecond: BigInt(ratePerSecond),
      claimed: BigInt(claimed),
    },
    now,
  );
  const money = (units: bigint) => formatToken(units, locale, symbol, decimals);
  const rows: [string, string, string][] = [
    ["meter-started-at", labels.meterStartedAt, formatDateTime(new Date(startedAt), locale)],
    ["meter-elapsed", labels.meterElapsed, duration(m.elapsed)],
    ["meter-accrued", labels.meterAccrued, money(m.accrued)],
    ["meter-remaining", labels.meterRemaining, money(m.remaining)],
    stoppedAt
      ? ["meter-stopped-at", labels.meterStoppedAt, formatDateTime(new Date(stoppedAt), locale)]
      : ["meter-ends-at", labels.meterEndsAt, m.endsAt === null ? "—" : formatDateTime(new Date(m.endsAt * 1000), locale)],
  ];
  if (showClaimable) {
    rows.push(["meter-claimable", labels.claimable, money(m.claimable)], ["meter-claimed", labels.claimedSoFar, money(BigInt(claimed))]);
  }
  return (
    <section
      aria-labelledby="meter"
      className="rounded-xl border border-slate-200 p-4 text-sm dark:border-slate-700"
      data-testid="meter"
      data-running={m.running}
    >
      <h2 id="meter" className="mb-2 font-semibold">
        {labels.meter} <span className="font-normal text-slate-500">· {labels.meterRate}</span>
      </h2>
      <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-2">
        {rows.map(([id, label, value]) => (
          <div key={id} className="contents">
            <dt className="text-slate-500">{label}</dt>
            <dd className="tabular-nums" data-testid={id}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
