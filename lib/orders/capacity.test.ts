import { describe, expect, it } from "vitest";
import { availability, gpuChoiceError, heldUntil, type HoldingOrder } from "@/lib/orders/capacity";

const now = new Date("2026-12-01T12:00:00Z");
const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
const order = (o: Partial<HoldingOrder>): HoldingOrder => ({
  status: "FUNDED",
  gpuCount: 1,
  hours: 2,
  holdExpiresAt: null,
  startDeadline: at(60),
  endsAt: null,
  capacityLost: false,
  ...o,
});

describe("capacity", () => {
  it("holds a pending order's GPUs only until its payment hold lapses", () => {
    expect(heldUntil(order({ status: "PENDING_PAYMENT", holdExpiresAt: at(15) }), now)).toEqual(at(15));
    expect(heldUntil(order({ status: "PENDING_PAYMENT", holdExpiresAt: at(-1) }), now)).toBeNull();
  });

  it("holds a funded rental until the latest it could end, and a running one until its paid time runs out", () => {
    expect(heldUntil(order({ status: "FUNDED" }), now)).toEqual(at(60 + 120));
    expect(heldUntil(order({ status: "ACTIVE", endsAt: at(30) }), now)).toEqual(at(30));
    expect(heldUntil(order({ status: "ACTIVE", endsAt: at(-30) }), now)).toBeNull();
  });

  it("frees the GPUs of settled, disputed, cancelled and paid-too-late orders", () => {
    for (const status of ["PAID", "REFUNDED", "RESOLVED", "DISPUTED", "CANCELLED", "COMPLETED"] as const) {
      expect(heldUntil(order({ status }), now)).toBeNull();
    }
    expect(heldUntil(order({ status: "FUNDED", capacityLost: true }), now)).toBeNull();
  });

  it("counts the free GPUs and when the machine frees up", () => {
    const orders = [
      order({ gpuCount: 3, status: "ACTIVE", endsAt: at(30) }),
      order({ gpuCount: 2, status: "PENDING_PAYMENT", holdExpiresAt: at(10) }),
    ];
    expect(availability(8, orders, now)).toEqual({ gpusFree: 3, freesAt: at(30) });
    expect(availability(8, [], now)).toEqual({ gpusFree: 8, freesAt: null });
  });

  it("lets a buyer split only a splittable machine", () => {
    expect(gpuChoiceError(4, 4, false)).toBeNull();
    expect(gpuChoiceError(2, 4, false)).toBe("must be 4: this machine is rented whole");
    expect(gpuChoiceError(2, 4, true)).toBeNull();
    expect(gpuChoiceError(5, 4, true)).toBe("must be at most 4, the machine's GPU count");
    expect(gpuChoiceError(0, 4, true)).toBe("must be a whole number of GPUs, at least 1");
  });
});
