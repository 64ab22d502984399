/**
 * Daily volume and fees for the overview chart. Orders settle in 2031 here, so orders that other test
 * files settle today never fall into these buckets.
 */
import { describe, expect, it } from "vitest";
import type { OrderStatus } from "@/lib/generated/prisma/client";
import { dailyVolume } from "@/lib/admin/server/volume";
import { db } from "@/lib/core/server/db";
import { createOrder } from "@/lib/orders/server/create";
import { createMachine, createUser } from "@/test/factories";
import { chainEvent } from "@/test/dashboards";
import { callerFor } from "@/test/payments";
import { baseUnitsOf } from "@/lib/core/money";

/** An order settled at `settledAt` with the settling event the indexer would have stored, and the fee it folded from it. */
async function settled(status: OrderStatus, settledAt: string, fee: bigint, hours = 1) {
  const [buyer, provider] = await Promise.all([createUser(), createUser()]);
  const machine = await createMachine(provider.id, { pricePerGpuHour: "1000000", gpuCount: 1 });
  const id = await createOrder(callerFor(buyer), { listingId: machine.id, hours });
  const order = await db.order.update({ where: { id }, data: { status, settledAt: new Date(settledAt), feePaid: fee.toString() } });
  await chainEvent(order, status === "PAID" ? "EscrowReleased" : "DisputeResolved", { fee: fee.toString() }, new Date(settledAt));
  return baseUnitsOf(order.amount);
}

describe("dailyVolume", () => {
  it("sums settled amounts and the escrow's reported fees per UTC day, in bigint, with empty days present", async () => {
    const paidA = await settled("PAID", "2031-03-10T00:00:01Z", 25_000n, 1);
    const paidB = await settled("PAID", "2031-03-10T23:59:59Z", 50_000n, 2);
    const resolved = await settled("RESOLVED", "2031-03-12T08:00:00Z", 17_500n, 1);
    // A rental settled by its meter, whose fees were taken in its claims and its end.
    const ended = await settled("ENDED", "2031-03-12T10:00:00Z", 9_000n, 1);
    // Refunded and still-disputed orders moved no volume to providers.
    await settled("REFUNDED", "2031-03-12T09:00:00Z", 0n);
    await settled("DISPUTED", "2031-03-12T09:00:00Z", 0n);

    const days = await dailyVolume(5, new Date("2031-03-12T12:00:00Z"));
    expect(days.map((d) => d.day)).toEqual(["2031-03-08", "2031-03-09", "2031-03-10", "2031-03-11", "2031-03-12"]);
    expect(days[2]).toEqual({ day: "2031-03-10", volume: paidA + paidB, fees: 75_000n, orders: 2 });
    expect(days[3]).toEqual({ day: "2031-03-11", volume: 0n, fees: 0n, orders: 0 });
    expect(days[4]).toEqual({ day: "2031-03-12", volume: resolved + ended, fees: 26_500n, orders: 2 });
    expect(paidA + paidB).toBe(3_000_000n);

    // A window that ends before them holds none of them.
    const earlier = await dailyVolume(3, new Date("2031-03-09T12:00:00Z"));
    expect(earlier.every((d) => d.volume === 0n && d.orders === 0)).toBe(true);
  });
});
