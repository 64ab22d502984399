/** The receipts download: signed out gets 401, a signed-in buyer gets exactly their own orders. */
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/me/receipts.csv/route";
import { browserHeaders, signedInHeaders } from "@/test/auth";
import { orderIn } from "@/test/dashboards";
import { createMachine, createUser } from "@/test/factories";

const url = "http://localhost:3000/api/v1/me/receipts.csv";
const download = (headers: Headers) => GET(new Request(url, { headers }), undefined);

describe("GET /api/v1/me/receipts.csv", () => {
  it("answers 401 without a session", async () => {
    const res = await download(browserHeaders());
    expect(res.status).toBe(401);
    expect((await res.json()).error).toBe("unauthenticated");
  });

  it("sends the caller's receipts only, as an attachment with a header row", async () => {
    const [provider, buyer, other] = await Promise.all([createUser(), createUser(), createUser()]);
    const machine = await createMachine(provider.id, { pricePerGpuHour: "2500000", gpuCount: 1 });
    const mine = await orderIn(buyer, machine.id, "PAID", { fundedAt: "2026-02-01T10:00:00Z", settledAt: "2026-02-02T10:00:00Z" }, 2);
    const theirs = await orderIn(other, machine.id, "PAID", { fundedAt: "2026-02-01T10:00:00Z", settledAt: "2026-02-02T10:00:00Z" }, 2);

    const res = await download(await signedInHeaders(buyer.id));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="idlegrid-receipts-\d{4}-\d{2}-\d{2}\.csv"$/);
    const lines = (await res.text()).split("\r\n").filter(Boolean);
    expect(lines[0]).toMatch(/^order_id,listing,hours,gpus,amount,token,status,/);
    expect(lines).toHaveLength(2);
    // 2.5 tUSDC x 2 h, as the token's exact decimal, with both transactions.
    expect(lines[1]).toContain(`${mine.order.id},"1× RTX-4090, Berlin (DE)",2,1,5,tUSDC,PAID,`);
    expect(lines[1]).toContain(`${mine.tx.opened},${mine.tx.released},`);
    expect(lines.join("\n")).not.toContain(theirs.order.id);
  });
});
