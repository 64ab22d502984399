/**
 * Earnings and spend buckets from real rows. Each test has its own provider and buyer, so orders
 * other test files settle never fall into these sums; "now" is fixed so the month boundary is known.
 */
import { describe, expect, it } from "vitest";
import { providerEarnings, providerEarningsTotal } from "@/lib/dashboards/server/earnings";
import { buyerSpend } from "@/lib/dashboards/server/spend";
import { createMachine, createUser } from "@/test/factories";
import { db } from "@/lib/core/server/db";
import { chainEvent, orderIn } from "@/test/dashboards";

const now = new Date("2026-03-02T12:00:00Z");

async function market() {
  const [provider, other, buyer] = await Promise.all([createUser(), createUser(), createUser()]);
  const machine = await createMachine(provider.id, { pricePerGpuHour: "1234567", gpuCount: 1 });
  const othersMachine = await createMachine(other.id, { pricePerGpuHour: "1000000", gpuCount: 1 });
  return { provider, other, buyer, machine, othersMachine };
}

describe("providerEarnings", () => {
  it("buckets the provider's share after the fee by UTC day and month, across a month boundary", async () => {
    const m = await market();
    // The last second of February and the first of March are different days and different months.
    const feb = await orderIn(m.buyer, m.machine.id, "PAID", { fundedAt: "2026-02-27T10:00:00Z", settledAt: "2026-02-28T23:59:59Z" }, 2);
    const mar1 = await orderIn(m.buyer, m.machine.id, "PAID", { fundedAt: "2026-02-28T10:00:00Z", settledAt: "2026-03-01T00:00:00Z" }, 3);
    const mar2 = await orderIn(
      m.buyer,
      m.machine.id,
      "RESOLVED",
      { fundedAt: "2026-02-28T10:00:00Z", settledAt: "2026-03-01T18:00:00Z" },
      1,
      6000n,
    );
    const january = await orderIn(
      m.buyer,
      m.machine.id,
      "PAID",
      { fundedAt: "2026-01-05T10:00:00Z", settledAt: "2026-01-06T09:00:00Z" },
      1,
    );
    // Nothing earned yet, nothing earned at all, and another provider's money: none count.
    await orderIn(m.buyer, m.machine.id, "COMPLETED", { fundedAt: "2026-03-01T10:00:00Z" }, 1);
    await orderIn(m.buyer, m.machine.id, "REFUNDED", { fundedAt: "2026-03-01T10:00:00Z", settledAt: "2026-03-01T12:00:00Z" }, 1);
    await orderIn(m.buyer, m.othersMachine.id, "PAID", { fundedAt: "2026-03-01T10:00:00Z", settledAt: "2026-03-01T12:00:00Z" }, 5);

    // The fee really was taken: the share is less than the escrowed amount, and exact in base units.
    expect(feb.amount).toBe(2_469_134n);
    expect(feb.providerAmount).toBe(2_444_443n);
    expect(mar2.providerAmount).toBeLessThan((mar2.amount * 6000n) / 10_000n);

    const days = await providerEarnings(m.provider.id, "day", now);
    expect(days).toHaveLength(30);
    expect(days.at(-1)).toEqual({ key: "2026-03-02", amount: 0n, orders: 0 });
    expect(days.at(-2)).toEqual({ key: "2026-03-01", amount: mar1.providerAmount + mar2.providerAmount, orders: 2 });
    expect(days.at(-3)).toEqual({ key: "2026-02-28", amount: feb.providerAmount, orders: 1 });
    expect(days[0]!.key).toBe("2026-02-01");
    // January 6 is outside the 30-day window.
    expect(days.reduce((s, d) => s + d.amount, 0n)).toBe(feb.providerAmount + mar1.providerAmount + mar2.providerAmount);

    const months = await providerEarnings(m.provider.id, "month", now);
    expect(months.map((b) => b.key)).toEqual([
      "2025-04",
      "2025-05",
      "2025-06",
      "2025-07",
      "2025-08",
      "2025-09",
      "2025-10",
      "2025-11",
      "2025-12",
      "2026-01",
      "2026-02",
      "2026-03",
    ]);
    expect(months.at(-1)).toEqual({ key: "2026-03", amount: mar1.providerAmount + mar2.providerAmount, orders: 2 });
    expect(months.at(-2)).toEqual({ key: "2026-02", amount: feb.providerAmount, orders: 1 });
    expect(months.at(-3)).toEqual({ key: "2026-01", amount: january.providerAmount, orders: 1 });

    expect(await providerEarningsTotal(m.provider.id)).toBe(
      feb.providerAmount + mar1.providerAmount + mar2.providerAmount + january.providerAmount,
    );
  });

  it("sums amounts beyond 2^53 base units without losing a digit", async () => {
    const m = await market();
    const whale = await createMachine(m.provider.id, { pricePerGpuHour: "9007199254740993", gpuCount: 1 });
    const a = await orderIn(m.buyer, whale.id, "PAID", { fundedAt: "2026-03-01T01:00:00Z", settledAt: "2026-03-01T02:00:00Z" }, 1);
    const b = await orderIn(m.buyer, whale.id, "PAID", { fundedAt: "2026-03-01T01:00:00Z", settledAt: "2026-03-01T03:00:00Z" }, 1);
    const days = await providerEarnings(m.provider.id, "day", now);
    expect(days.at(-2)!.amount).toBe(a.providerAmount + b.providerAmount);
    expect(a.providerAmount + b.providerAmount).toBe(17_834_254_524_387_168n);
  });
});

describe("metered rentals on the dashboards", () => {
  it("count a rental's claims on the day they were paid and a stop by its split, for both sides", async () => {
    const m = await market();
    // Stopped early: the provider was paid 30 %, the buyer got 70 % back.
    const ended = await orderIn(
      m.buyer,
      m.machine.id,
      "ENDED",
      { fundedAt: "2026-02-25T10:00:00Z", settledAt: "2026-02-26T10:00:00Z" },
      3,
      3000n,
    );
    // Still running, with one claim paid on the 27th.
    const running = await orderIn(m.buyer, m.machine.id, "ACTIVE", { fundedAt: "2026-02-26T10:00:00Z" }, 2);
    await chainEvent(running.order, "RentalClaimed", { providerAmount: "400000", fee: "4040" }, new Date("2026-02-27T08:00:00Z"));
    await db.order.update({ where: { id: running.order.id }, data: { claimed: "404040", providerPaid: "400000", feePaid: "4040" } });

    const days = await providerEarnings(m.provider.id, "day", now);
    expect(days.find((d) => d.key === "2026-02-26")).toEqual({ key: "2026-02-26", amount: ended.providerAmount, orders: 1 });
    expect(days.find((d) => d.key === "2026-02-27")).toEqual({ key: "2026-02-27", amount: 400_000n, orders: 1 });
    expect(await providerEarningsTotal(m.provider.id)).toBe(ended.providerAmount + 400_000n);

    const spend = await buyerSpend(m.buyer.id, "day", now);
    expect(spend.find((d) => d.key === "2026-02-26")).toEqual({ key: "2026-02-26", amount: ended.amount - ended.buyerAmount, orders: 1 });
    expect(ended.buyerAmount).toBe(ended.amount - (ended.amount * 3000n) / 10_000n);
  });
});

describe("buyerSpend", () => {
  it("counts what left the buyer: whole PAID amounts, RESOLVED amounts less the arbiter's refund", async () => {
    const m = await market();
    const paid = await orderIn(m.buyer, m.machine.id, "PAID", { fundedAt: "2026-02-20T10:00:00Z", settledAt: "2026-02-21T10:00:00Z" }, 2);
    const resolved = await orderIn(
      m.buyer,
      m.othersMachine.id,
      "RESOLVED",
      { fundedAt: "2026-02-20T10:00:00Z", settledAt: "2026-02-21T20:00:00Z" },
      4,
      2500n,
    );
    await orderIn(m.buyer, m.machine.id, "REFUNDED", { fundedAt: "2026-02-20T10:00:00Z", settledAt: "2026-02-21T11:00:00Z" }, 1);
    await orderIn(m.buyer, m.machine.id, "ACTIVE", { fundedAt: "2026-02-21T10:00:00Z" }, 1);
    // Someone else buying from the same provider is not this buyer's spend.
    await orderIn(m.other, m.machine.id, "PAID", { fundedAt: "2026-02-20T10:00:00Z", settledAt: "2026-02-21T10:00:00Z" }, 1);

    const days = await buyerSpend(m.buyer.id, "day", now);
    const day = days.find((d) => d.key === "2026-02-21");
    expect(day).toEqual({ key: "2026-02-21", amount: paid.amount + resolved.amount - resolved.buyerAmount, orders: 2 });
    expect(resolved.buyerAmount).toBe(3_000_000n);
    expect(days.filter((d) => d.key !== "2026-02-21").every((d) => d.amount === 0n)).toBe(true);

    const months = await buyerSpend(m.buyer.id, "month", now);
    expect(months.at(-2)).toEqual({ key: "2026-02", amount: day!.amount, orders: 2 });
  });
});
