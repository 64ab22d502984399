import { describe, expect, it } from "vitest";
import { txToast } from "@/components/toast/tx-toast";
import { dismissToast, getToasts, showToast, updateToast } from "@/components/toast/toast-store";
import { en } from "@/lib/i18n/messages/en";
import { de } from "@/lib/i18n/messages/de";
import { createTranslator } from "@/lib/i18n/translate";

const t = createTranslator(en.tx, "en");
const tDe = createTranslator(de.tx, "de");
const hash = "0x6d1c3f1f0a6a1b1d9f0a3b6c2e4d5f60718293a4b5c6d7e8f90a1b2c3d4e5f60" as const;

describe("transaction toasts", () => {
  it("walks from the wallet prompt to submitted to confirmed, naming the action and carrying the hash", () => {
    expect(txToast({ kind: "wallet", label: "withdrawal" }, "withdrawal", t)).toMatchObject({
      tone: "progress",
      phase: "wallet",
      title: "Confirm the withdrawal in your wallet",
    });
    expect(txToast({ kind: "submitted", label: "withdrawal", hash }, "withdrawal", t)).toMatchObject({
      phase: "submitted",
      title: "Submitted the withdrawal",
      hash,
    });
    expect(txToast({ kind: "confirming", label: "payment", hash, confirmations: 3, required: 3 }, "payment", t)).toMatchObject({
      tone: "success",
      phase: "confirmed",
    });
    expect(txToast({ kind: "confirming", label: "payment", hash, confirmations: 1, required: 3 }, "payment", t)).toMatchObject({
      phase: "confirming",
      body: "1 of 3 confirmations.",
    });
    expect(txToast({ kind: "done", hash }, "payment", t)).toMatchObject({
      tone: "success",
      phase: "confirmed",
      title: "Confirmed: the payment went through",
      hash,
    });
  });

  it("shows the reason of a failure in words", () => {
    expect(txToast({ kind: "error", message: "You rejected the request in your wallet. Nothing was sent." }, "payment", t)).toEqual({
      tone: "error",
      phase: "failed",
      title: "The payment failed",
      body: "You rejected the request in your wallet. Nothing was sent.",
    });
  });

  it("shows nothing while idle and says 'transaction' when no action was named", () => {
    expect(txToast({ kind: "idle" }, undefined, t)).toBeNull();
    expect(txToast({ kind: "done", hash }, undefined, t)?.title).toBe("Confirmed: the transaction went through");
  });
});

describe("transaction toasts in German", () => {
  it("words every step in German, with the action's German name and locale-formatted counts", () => {
    expect(txToast({ kind: "wallet", label: "withdrawal" }, "withdrawal", tDe)).toMatchObject({
      title: "Auszahlung in Ihrer Wallet bestätigen",
      body: "Es wird nichts gesendet, bevor Sie dort zustimmen.",
    });
    expect(txToast({ kind: "submitted", label: "payment", hash }, "payment", tDe)?.title).toBe("Zahlung gesendet");
    expect(txToast({ kind: "confirming", label: "payment", hash, confirmations: 1, required: 3 }, "payment", tDe)).toMatchObject({
      title: "Zahlung wird bestätigt",
      body: "1 von 3 Bestätigungen.",
    });
    expect(txToast({ kind: "done", hash }, "withdrawal", tDe)?.title).toBe("Bestätigt: Auszahlung ist durchgegangen");
    expect(txToast({ kind: "error", message: "x" }, undefined, tDe)?.title).toBe("Transaktion fehlgeschlagen");
  });

  it("has a German word for every action a step can name, different from the English one", () => {
    const actions = Object.keys(en.tx).filter((key) => key.startsWith("action_")) as (keyof typeof en.tx)[];
    expect(actions.length).toBeGreaterThan(10);
    for (const key of actions) expect(de.tx[key], key).not.toBe(en.tx[key]);
  });
});

describe("toast store", () => {
  it("updates a toast in place, and reports a dismissed one as gone", () => {
    const id = showToast({ tone: "progress", title: "one" });
    expect(updateToast(id, { tone: "progress", title: "two" })).toBe(true);
    expect(
      getToasts()
        .filter((t) => t.id === id)
        .map((t) => t.title),
    ).toEqual(["two"]);
    dismissToast(id);
    expect(getToasts().some((t) => t.id === id)).toBe(false);
    expect(updateToast(id, { tone: "progress", title: "three" })).toBe(false);
  });
});
