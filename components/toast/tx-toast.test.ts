import { describe, expect, it } from "vitest";
import { txToast } from "@/components/toast/tx-toast";
import { dismissToast, getToasts, showToast, updateToast } from "@/components/toast/toast-store";

const hash = "0x6d1c3f1f0a6a1b1d9f0a3b6c2e4d5f60718293a4b5c6d7e8f90a1b2c3d4e5f60" as const;

describe("transaction toasts", () => {
  it("walks from the wallet prompt to submitted to confirmed, naming the action and carrying the hash", () => {
    expect(txToast({ kind: "wallet", label: "withdrawal" }, "withdrawal")).toMatchObject({ tone: "progress", phase: "wallet", title: "Confirm the withdrawal in your wallet" });
    expect(txToast({ kind: "submitted", label: "withdrawal", hash }, "withdrawal")).toMatchObject({ phase: "submitted", title: "Submitted the withdrawal", hash });
    expect(txToast({ kind: "confirming", label: "payment", hash, confirmations: 3, required: 3 }, "payment")).toMatchObject({ tone: "success", phase: "confirmed" });
    expect(txToast({ kind: "confirming", label: "payment", hash, confirmations: 1, required: 3 }, "payment")).toMatchObject({
      phase: "confirming",
      body: "1 of 3 confirmations.",
    });
    expect(txToast({ kind: "done", hash }, "payment")).toMatchObject({ tone: "success", phase: "confirmed", title: "Confirmed: the payment went through", hash });
  });

  it("shows the reason of a failure in words", () => {
    expect(txToast({ kind: "error", message: "You rejected the request in your wallet. Nothing was sent." }, "payment")).toEqual({
      tone: "error",
      phase: "failed",
      title: "The payment failed",
      body: "You rejected the request in your wallet. Nothing was sent.",
    });
  });

  it("shows nothing while idle and says 'transaction' when no action was named", () => {
    expect(txToast({ kind: "idle" }, undefined)).toBeNull();
    expect(txToast({ kind: "done", hash }, undefined)?.title).toBe("Confirmed: the transaction went through");
  });
});

describe("toast store", () => {
  it("updates a toast in place, and reports a dismissed one as gone", () => {
    const id = showToast({ tone: "progress", title: "one" });
    expect(updateToast(id, { tone: "progress", title: "two" })).toBe(true);
    expect(getToasts().filter((t) => t.id === id).map((t) => t.title)).toEqual(["two"]);
    dismissToast(id);
    expect(getToasts().some((t) => t.id === id)).toBe(false);
    expect(updateToast(id, { tone: "progress", title: "three" })).toBe(false);
  });
});
