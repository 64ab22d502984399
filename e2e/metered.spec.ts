/**
 * Rentals are real, in the browser on the e2e anvil. Two buyers race for the last GPUs of a machine:
 * exactly one gets the order, the other is told in words that they are taken. Then a metered rental:
 * paid and started, the buyer watches the meter tick and extends it by an hour, the provider claims
 * what accrued, and the buyer stops it and sees the refund the escrow credited.
 *
 * It uses listings of providers 4 and 5 that nothing holds and that are not their first ones (other
 * specs rent those), and leaves no hold behind: the race's order is cancelled, the rental stopped.
 */
import { createPublicClient, createWalletClient, http, type Address, type Hex } from "viem";
import { foundry } from "viem/chains";
import { idlegridEscrowAbi } from "../lib/chain/generated/IdlegridEscrow";
import { expect, test, type Stack } from "./fixtures/stack";
import { injectWallet, signInThroughUi, signInWithApi, walletAccount } from "./fixtures/wallet";

const BUYER = 2;

type Sql = <T extends Record<string, unknown>>(text: string, values?: unknown[]) => Promise<T[]>;

/** A LIVE listing of the provider that no order holds, other than the provider's first (which other specs rent). */
async function freeListing(sql: Sql, providerIndex: number) {
  const [listing] = await sql<{ id: string; minHours: number; gpuCount: number }>(
    `SELECT m.id, m."minHours", m."gpuCount" FROM "Machine" m JOIN "User" u ON u.id = m."providerId"
      WHERE u.address = $1 AND m.status = 'LIVE'
        AND NOT EXISTS (SELECT 1 FROM "Order" o WHERE o."listingId" = m.id AND o.status IN ('PENDING_PAYMENT', 'FUNDED', 'ACTIVE'))
      ORDER BY m."createdAt" DESC LIMIT 1`,
    [walletAccount(providerIndex).address],
  );
  if (!listing) throw new Error(`the seed has no free LIVE listing of demo provider ${providerIndex}`);
  return listing;
}

const origin = (stack: Stack) => ({ origin: new URL(stack.appUrl).origin });

test("two buyers race for the last GPUs: one gets the order, the other is told they are taken", async ({ browser, sql, stack }) => {
  test.setTimeout(120_000);
  const listing = await freeListing(sql, 4);
  // Two buyers who are not this listing's provider: the demo buyer and the admin.
  const contexts = await Promise.all([BUYER, 1].map(() => browser.newContext({ baseURL: stack.appUrl })));
  try {
    const pages = await Promise.all(
      contexts.map(async (context, i) => {
        await signInWithApi(context, stack, [BUYER, 1][i]!);
        const page = await context.newPage();
        await page.goto(`/listings/${listing.id}`);
        await page.getByTestId("rent-hours").fill(String(listing.minHours));
        return page;
      }),
    );

    await test.step("both click Rent at the same moment", async () => {
      await Promise.all(pages.map((page) => page.getByTestId("rent-button").click()));
    });

    await test.step("exactly one lands on a new order; the other reads that the GPUs are taken", async () => {
      const outcome = async (page: (typeof pages)[number]) => {
        const taken = page.getByRole("alert").filter({ hasText: "Not enough of this machine's GPUs are free for that right now." });
        await expect(page.getByTestId("order-status").or(taken)).toBeVisible({ timeout: 30_000 });
        return (await taken.isVisible()) ? "taken" : "ordered";
      };
      const results = await Promise.all(pages.map(outcome));
      expect([...results].sort()).toEqual(["ordered", "taken"]);
      const winner = pages[results.indexOf("ordered")]!;
      await expect(winner).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
      await expect(winner.getByTestId("order-status")).toHaveText("PENDING_PAYMENT");
      const [count] = await sql<{ n: string }>(
        `SELECT count(*)::text AS n FROM "Order" WHERE "listingId" = $1 AND status = 'PENDING_PAYMENT'`,
        [listing.id],
      );
      expect(count?.n).toBe("1");
      // Free the machine again for whatever runs next.
      await winner.getByTestId("action-cancel").click();
      await expect(winner.getByTestId("order-status")).toHaveText("CANCELLED", { timeout: 30_000 });
    });
  } finally {
    await Promise.all(contexts.map((c) => c.close()));
  }
});

test("a metered rental: the meter ticks, the buyer extends, the provider claims, the buyer stops and sees the refund", async ({
  browser,
  sql,
  stack,
}) => {
  test.setTimeout(240_000);
  const PROVIDER = 5;
  const listing = await freeListing(sql, PROVIDER);
  const chain = createPublicClient({ chain: foundry, transport: http(stack.rpcUrl) });
  // Anvil's well-known accounts are unlocked there: anvil assigns nonces, the test holds no keys.
  const unlocked = (index: number) =>
    createWalletClient({ chain: foundry, transport: http(stack.rpcUrl), account: walletAccount(index).address });
  const credits = (index: number) =>
    chain.readContract({ address: stack.escrow, abi: idlegridEscrowAbi, functionName: "credits", args: [walletAccount(index).address] });
  const orderRow = async (id: string) =>
    (
      await sql<{ status: string; amount: string; claimed: string; buyerRefunded: string }>(
        `SELECT status::text, amount::text, claimed::text, "buyerRefunded"::text FROM "Order" WHERE id = $1`,
        [id],
      )
    )[0];
  const buyerContext = await browser.newContext({ baseURL: stack.appUrl });
  const providerContext = await browser.newContext({ baseURL: stack.appUrl });
  const buyer = await buyerContext.newPage();
  const provider = await providerContext.newPage();
  const buyerWallet = await injectWallet(buyer, { rpcUrl: stack.rpcUrl, accountIndex: BUYER });
  const providerWallet = await injectWallet(provider, { rpcUrl: stack.rpcUrl, accountIndex: PROVIDER });

  try {
    const order = await test.step("the buyer orders and pays; the provider starts it on chain", async () => {
      await buyer.goto("/");
      await signInThroughUi(buyer, buyerWallet);
      await provider.goto("/");
      await signInThroughUi(provider, providerWallet);
      const res = await buyer.request.post("/api/v1/orders", {
        data: { listingId: listing.id, hours: Math.max(2, listing.minHours) },
        headers: origin(stack),
      });
      expect(res.status()).toBe(201);
      const created = (await res.json()) as {
        id: string;
        escrowId: Hex;
        amount: string;
        ratePerSecond: string;
        transactions: { to: Address; data: Hex }[];
      };
      expect(BigInt(created.ratePerSecond)).toBeGreaterThan(0n);
      for (const tx of created.transactions)
        await chain.waitForTransactionReceipt({ hash: await unlocked(BUYER).sendTransaction({ to: tx.to, data: tx.data }) });
      await expect.poll(async () => (await orderRow(created.id))?.status, { timeout: 30_000 }).toBe("FUNDED");
      const started = await provider.request.post(`/api/v1/orders/${created.id}/start`, {
        data: { host: "gpu-9.rhea.example", port: 22, user: "ubuntu" },
        headers: origin(stack),
      });
      expect(started.status()).toBe(200);
      const { transaction } = (await started.json()) as { transaction: { to: Address; data: Hex } };
      await chain.waitForTransactionReceipt({
        hash: await unlocked(PROVIDER).sendTransaction({ to: transaction.to, data: transaction.data }),
      });
      await expect.poll(async () => (await orderRow(created.id))?.status, { timeout: 30_000 }).toBe("ACTIVE");
      return created;
    });

    await test.step("the buyer sees the meter tick, and the connection once the start is on chain", async () => {
      await buyer.goto(`/orders/${order.id}`);
      await expect(buyer.getByTestId("order-status")).toHaveText("ACTIVE");
      await expect(buyer.getByTestId("meter")).toBeVisible();
      await expect(buyer.getByTestId("connection")).toContainText("ssh -p 22 ubuntu@gpu-9.rhea.example");
      const first = await buyer.getByTestId("meter-elapsed").textContent();
      await expect.poll(() => buyer.getByTestId("meter-elapsed").textContent(), { timeout: 10_000 }).not.toBe(first);
      await expect(buyer.getByTestId("meter-accrued")).toHaveText(/tUSDC$/);
      await expect(buyer.getByTestId("meter-ends-at")).toHaveText(/UTC$/);
    });

    await test.step("the buyer extends by an hour: approve and extend from the wallet, the amount follows the chain", async () => {
      const before = BigInt((await orderRow(order.id))!.amount);
      await buyer.getByTestId("extend-hours").fill("1");
      await expect(buyer.getByTestId("extend-cost")).toContainText("tUSDC");
      await buyer.getByTestId("action-extend").click();
      await expect.poll(async () => BigInt((await orderRow(order.id))!.amount), { timeout: 60_000 }).toBeGreaterThan(before);
      const [row] = await sql<{ hours: number }>(`SELECT hours FROM "Order" WHERE id = $1`, [order.id]);
      await expect(buyer.getByTestId("order-amount")).toContainText(`${row!.hours} h`, { timeout: 30_000 });
    });

    await test.step("the provider sees what is claimable and claims it", async () => {
      const before = await credits(PROVIDER);
      await provider.goto(`/orders/${order.id}`);
      await expect(provider.getByTestId("meter-claimable")).toHaveText(/tUSDC$/);
      // The provider never sees the buyer's connection details.
      await expect(provider.getByTestId("connection")).toHaveCount(0);
      await provider.getByTestId("action-claim").click();
      await expect.poll(async () => BigInt((await orderRow(order.id))!.claimed), { timeout: 60_000 }).toBeGreaterThan(0n);
      expect(await credits(PROVIDER)).toBeGreaterThan(before);
    });

    await test.step("the buyer stops the rental and sees the refund the escrow credited", async () => {
      const before = await credits(BUYER);
      await buyer.reload();
      await buyer.getByTestId("action-stop").click();
      await expect(buyer.getByTestId("order-status")).toHaveText("ENDED", { timeout: 60_000 });
      const refunded = BigInt((await orderRow(order.id))!.buyerRefunded);
      const amount = BigInt((await orderRow(order.id))!.amount);
      // Most of the prepaid time was unused: most of the money came back, exactly what the escrow credited.
      expect(refunded).toBeGreaterThan(amount / 2n);
      expect(refunded).toBeLessThan(amount);
      expect((await credits(BUYER)) - before).toBe(refunded);
      await expect(buyer.getByTestId("settlement-refund")).toHaveAttribute("data-units", refunded.toString());
      await expect(buyer.getByTestId("meter-stopped-at")).toBeVisible();
      await expect(buyer.getByTestId("action-stop")).toHaveCount(0);
    });
  } finally {
    await buyerContext.close();
    await providerContext.close();
  }
});
