/**
 * Dashboards end to end: a buyer pays for a rental on the e2e anvil and releases it, the stack's own
 * indexer marks it PAID; the provider's dashboard then shows the earning in today's bar and in the
 * machine's history, and the buyer downloads the receipts CSV with the order and its transactions.
 */
import { readFile } from "node:fs/promises";
import { createWalletClient, http, type Hex } from "viem";
import { foundry } from "viem/chains";
import { idlegridEscrowAbi } from "../lib/chain/generated/IdlegridEscrow";
import { gpuLabel } from "../lib/listings/gpu-catalog";
import { fromBaseUnits } from "../lib/core/money";
import { expect, test } from "./fixtures/stack";
import { signInWithApi, walletAccount } from "./fixtures/wallet";
import { freeListing } from "./fixtures/listings";

const BUYER = 2;
// Neither the rent spec's provider (3) nor the dispute spec's (4): their balance checks must not see this order.
const PROVIDER = 5;

test("a paid order shows on the provider's dashboard and in the buyer's receipts CSV", async ({ browser, sql, stack }) => {
  test.setTimeout(180_000);
  // Anvil's well-known accounts are unlocked there: anvil assigns nonces, the test holds no keys.
  const wallet = (index: number) =>
    createWalletClient({ chain: foundry, transport: http(stack.rpcUrl), account: walletAccount(index).address });
  const listing = await freeListing(sql, walletAccount(PROVIDER).address);
  const status = async (id: string) => (await sql<{ status: string }>(`SELECT status::text FROM "Order" WHERE id = $1`, [id]))[0]?.status;
  const buyer = await browser.newContext({ baseURL: stack.appUrl });
  const provider = await browser.newContext({ baseURL: stack.appUrl });
  const today = new Date().toISOString().slice(0, 10);
  try {
    await signInWithApi(buyer, stack, BUYER);
    await signInWithApi(provider, stack, PROVIDER);
    const providerPage = await provider.newPage();
    const buyerPage = await buyer.newPage();

    const before = await test.step("the provider's dashboard before the order", async () => {
      await providerPage.goto("/dashboard/provider");
      await expect(providerPage.getByRole("heading", { level: 1 })).toHaveText("Your machines and earnings");
      return BigInt((await providerPage.getByTestId(`earnings-chart-${today}`).getAttribute("data-amount")) ?? "x");
    });

    const order = await test.step("the buyer pays and releases; the indexer marks the order PAID", async () => {
      const res = await buyer.request.post("/api/v1/orders", {
        data: { listingId: listing.id, hours: 2 },
        headers: { origin: new URL(stack.appUrl).origin },
      });
      expect(res.status()).toBe(201);
      const created = (await res.json()) as { id: string; escrowId: Hex; amount: string; transactions: { to: Hex; data: Hex }[] };
      for (const tx of created.transactions) await wallet(BUYER).sendTransaction({ to: tx.to, data: tx.data });
      await expect.poll(() => status(created.id), { timeout: 30_000 }).toBe("FUNDED");
      await wallet(BUYER).writeContract({
        address: stack.escrow,
        abi: idlegridEscrowAbi,
        functionName: "release",
        args: [created.escrowId],
      });
      await expect.poll(() => status(created.id), { timeout: 30_000 }).toBe("PAID");
      const events = await sql<{ eventName: string; txHash: string; providerAmount: string | null }>(
        `SELECT "eventName", "txHash", args->>'providerAmount' AS "providerAmount" FROM "ChainEvent" WHERE "orderId" = $1 AND applied`,
        [created.id],
      );
      const opened = events.find((e) => e.eventName === "EscrowOpened");
      const released = events.find((e) => e.eventName === "EscrowReleased");
      if (!opened || !released?.providerAmount) throw new Error("the indexer stored no EscrowOpened/EscrowReleased for the order");
      return {
        ...created,
        amount: BigInt(created.amount),
        providerAmount: BigInt(released.providerAmount),
        openedTx: opened.txHash,
        releasedTx: released.txHash,
      };
    });

    await test.step("the provider sees the earning in today's bar, the chart, and the machine's history", async () => {
      // The fee came off: the provider's share is less than what the buyer paid.
      expect(order.providerAmount).toBeLessThan(order.amount);
      await providerPage.reload();
      await expect(providerPage.getByTestId(`earnings-chart-${today}`)).toHaveAttribute(
        "data-amount",
        (before + order.providerAmount).toString(),
      );
      await expect(providerPage.getByRole("img", { name: /^Earned .+ after fees in the last 30 days/ })).toBeVisible();
      await expect(providerPage.getByTestId("earnings-total")).toHaveText(/\d.* tUSDC$/);
      await expect(providerPage.getByTestId("utilization-table")).toContainText(gpuLabel(listing.gpuModel));
      const history = providerPage.getByTestId(`history-${listing.id}`);
      await history.locator("summary").click();
      await expect(history.getByRole("link", { name: order.id.slice(0, 8) })).toBeVisible();
      await expect(providerPage.getByTestId("dashboard-credited")).toHaveText(/tUSDC$/);

      await providerPage.getByTestId("range-month").click();
      await expect(providerPage).toHaveURL(/range=month/);
      await expect(providerPage.getByTestId(`earnings-chart-${today.slice(0, 7)}`)).toBeVisible();
    });

    await test.step("the buyer downloads the receipts CSV holding the order and its transactions", async () => {
      await buyerPage.goto("/dashboard");
      await expect(buyerPage.getByTestId("receipts-table")).toContainText(order.id.slice(0, 8));
      const [download] = await Promise.all([buyerPage.waitForEvent("download"), buyerPage.getByTestId("receipts-csv").click()]);
      expect(download.suggestedFilename()).toMatch(/^idlegrid-receipts-\d{4}-\d{2}-\d{2}\.csv$/);
      const csv = await readFile((await download.path()) as string, "utf8");
      const lines = csv.split("\r\n");
      expect(lines[0]).toBe(
        "order_id,listing,hours,gpus,amount,token,status,provider_paid,fee,refunded,created_at,funded_at,settled_at,opened_tx,released_tx,refunded_tx",
      );
      const row = lines.find((l) => l.startsWith(`${order.id},`));
      expect(row).toBeDefined();
      expect(row).toContain(`,2,`);
      expect(row).toContain(`,${fromBaseUnits(order.amount, 6, 0)},tUSDC,PAID,`);
      expect(row).toMatch(new RegExp(`,${order.openedTx},${order.releasedTx},$`));
      // Only the buyer's own orders: nothing of the provider's side is in it.
      const [others] = await sql<{ n: string }>(
        `SELECT count(*)::text AS n FROM "Order" o JOIN "User" u ON u.id = o."buyerId" WHERE u.address = $1`,
        [walletAccount(BUYER).address],
      );
      expect(lines.filter(Boolean)).toHaveLength(Number(others?.n) + 1);
    });
  } finally {
    await buyer.close();
    await provider.close();
  }
});
