/**
 * The time axis of the dashboard charts: UTC days or UTC months, oldest first, every period present
 * even when nothing happened in it. Bucketing is in UTC on both sides (SQL `date_trunc` on the
 * timestamp columns, which Prisma stores as UTC, and these keys), so a German and an American
 * viewer see the same bars and a month boundary never depends on the server's time zone.
 */
export type Granularity = "day" | "month";

export interface Period {
  /** "YYYY-MM-DD" for days, "YYYY-MM" for months. */
  key: string;
  start: Date;
}

/** The last `count` periods up to and including the one holding `now`. */
export function periods(granularity: Granularity, count: number, now: Date): Period[] {
  const out: Period[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const start =
      granularity === "day"
        ? new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - i))
        : new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1));
    out.push({ key: start.toISOString().slice(0, granularity === "day" ? 10 : 7), start });
  }
  return out;
}

/** 30 daily bars or 12 monthly ones: the two views the dashboards offer. */
export const PERIOD_COUNT: Record<Granularity, number> = { day: 30, month: 12 };

export interface AmountBucket {
  key: string;
  amount: bigint;
  orders: number;
}

/** Puts SQL rows (key, sum as exact decimal text, count) onto the full axis. */
export function fillBuckets(axis: Period[], rows: { key: string; amount: string; orders: number | bigint }[]): AmountBucket[] {
  const byKey = new Map(rows.map((r) => [r.key, r]));
  return axis.map(({ key }) => {
    const row = byKey.get(key);
    return { key, amount: row ? BigInt(row.amount) : 0n, orders: row ? Number(row.orders) : 0 };
  });
}
