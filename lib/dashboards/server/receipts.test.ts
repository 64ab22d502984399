/** Receipts with their transactions, and the CSV they download as. */
import { describe, expect, it } from "vitest";
import { buyerReceipts } from "@/lib/dashboards/server/receipts";
import { csvField, receiptsCsv } from "@/lib/dashboards/server/receipts-csv";
import { createMachine, createUser } from "@/test/factories";
import { orderIn } from "@/test/dashboards";

describe("CSV fields (RFC 4180)", () => {
  it("quotes commas, quotes and line breaks and doubles inner quotes; leaves plain fields alone", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField("cr\rlf")).toBe('"cr\rlf"');
    expect(csvField("")).toBe("");
  });

  it("neutralises cells a spreadsheet would run as a formula, like the audit export", () => {
    expect(csvField('=HYPERLINK("http://evil.example","x")')).toBe(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(csvField("+1+cmd|' /C calc'!A0")).toBe("'+1+cmd|' /C calc'!A0");
    expect(csvField("-2+3")).toBe("'-2+3");
    expect(csvField("@SUM(A1:A9)")).toBe("'@SUM(A1:A9)");
    expect(csvField("\t=1")).toBe("'\t=1");
    expect(csvField("1.5")).toBe("1.5");
    const at = new Date("2026-02-01T10:00:00Z");
    const row = receiptsCsv(
      [
        {
          orderId: "o1",
          listing: "@cmd",
          listingId: "l1",
          hours: 1,
          gpuCount: 1,
          amount: 1_500_000n,
          status: "PAID",
          providerPaid: 1_485_000n,
          feePaid: 15_000n,
          buyerRefunded: 0n,
          createdAt: at,
          fundedAt: at,
          settledAt: at,
          openedTx: null,
          releasedTx: null,
          refundedTx: null,
        },
      ],
      { decimals: 6, symbol: "=EVIL()" },
    ).split("\r\n")[1];
    expect(row).toBe(`o1,'@cmd,1,1,1.5,'=EVIL(),PAID,1.485,0.015,0,${at.toISOString()},${at.toISOString()},${at.toISOString()},,,`);
  });
});

describe("buyerReceipts", () => {
  it("lists only the buyer's orders with the opened, released and refunded transactions, as exact CSV", async () => {
    const [provider, buyer, stranger] = await Promise.all([createUser(), createUser(), createUser()]);
    // A city with a comma, quotes and a newline must survive the CSV round trip.
    const machine = await createMachine(provider.id, { pricePerGpuHour: "1234567", gpuCount: 2, city: 'Frankfurt, "Main"\nWest' });
    const paid = await orderIn(buyer, machine.id, "PAID", { fundedAt: "2026-02-01T10:00:00Z", settledAt: "2026-02-02T10:00:00Z" }, 3);
    const refunded = await orderIn(
      buyer,
      machine.id,
      "REFUNDED",
      { fundedAt: "2026-02-03T10:00:00Z", settledAt: "2026-02-04T10:00:00Z" },
      1,
    );
    await orderIn(stranger, machine.id, "PAID", { fundedAt: "2026-02-01T10:00:00Z", settledAt: "2026-02-02T10:00:00Z" }, 1);

    const receipts = await buyerReceipts(buyer.id);
    expect(receipts.map((r) => r.orderId).sort()).toEqual([paid.order.id, refunded.order.id].sort());
    const p = receipts.find((r) => r.orderId === paid.order.id)!;
    expect(p).toMatchObject({
      amount: 7_407_402n,
      hours: 3,
      status: "PAID",
      providerPaid: paid.providerAmount,
      feePaid: 74_074n,
      buyerRefunded: 0n,
      openedTx: paid.tx.opened,
      releasedTx: paid.tx.released,
      refundedTx: null,
    });
    const r = receipts.find((x) => x.orderId === refunded.order.id)!;
    expect(r).toMatchObject({
      buyerRefunded: refunded.amount,
      openedTx: refunded.tx.opened,
      releasedTx: null,
      refundedTx: refunded.tx.refunded,
    });

    const csv = receiptsCsv(receipts, { decimals: 6, symbol: "tUSDC" });
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe(
      "order_id,listing,hours,gpus,amount,token,status,provider_paid,fee,refunded,created_at,funded_at,settled_at,opened_tx,released_tx,refunded_tx",
    );
    expect(csv).toContain(
      `${paid.order.id},"2× RTX-4090, Frankfurt, ""Main""\nWest (DE)",3,2,7.407402,tUSDC,PAID,7.333328,0.074074,0,${paid.order.createdAt.toISOString()},2026-02-01T10:00:00.000Z,2026-02-02T10:00:00.000Z,${paid.tx.opened},${paid.tx.released},\r\n`,
    );
    expect(csv).toContain(`,1,2,2.469134,tUSDC,REFUNDED,0,0,2.469134,`);
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(csv).not.toContain(stranger.id);
  });
});
