/**
 * A dispute resolved through the admin console: a buyer pays for a rental, the provider starts it and
 * the buyer disputes it (all on the e2e anvil), the buyer states their case, and Ada (the local admin,
 * ARBITER_ROLE from deployLocal) picks a 70% provider share and sends resolveDispute from the injected
 * wallet. The order is RESOLVED only once the indexer has read the event.
 */
import { createPublicClient, createWalletClient, http, type Hex } from "viem";
import { foundry } from "viem/chains";
import { idlegridEscrowAbi } from "../lib/chain/generated/IdlegridEscrow";
import { expect, test } from "./fixtures/stack";
import { injectWallet, signInThroughUi, signInWithApi, walletAccount } from "./fixtures/wallet";
import { freeListing } from "./fixtures/listings";

const ADMIN = 1;
const BUYER = 5;
// Not the rent spec's provider (3): its balance checks must not see this dispute's credit.
const PROVIDER = 4;

test("an admin resolves a dispute with a 70% provider share from the wallet, and the indexer records it", async ({
  browser,
  sql,
  stack,
}) => {
  test.setTimeout(180_000);
  // Anvil's well-known accounts are unlocked there: anvil assigns nonces, the test holds no keys.
  const wallet = (index: number) =>
    createWalletClient({ chain: foundry, transport: http(stack.rpcUrl), account: walletAccount(index).address });
  const listing = await freeListing(sql, walletAccount(PROVIDER).address);
  const buyer = await browser.newContext({ baseURL: stack.appUrl });
  const admin = await browser.newContext({ baseURL: stack.appUrl });
  const status = async (id: string) => (await sql<{ status: string }>(`SELECT status::text FROM "Order" WHERE id = $1`, [id]))[0]?.status;
  let orderId = "";
  try {
    await test.step("the buyer pays, the provider starts, the buyer disputes", async () => {
      await signInWithApi(buyer, stack, BUYER);
      const res = await buyer.request.post("/api/v1/orders", {
        data: { listingId: listing.id, hours: 1 },
        headers: { origin: new URL(stack.appUrl).origin },
      });
      expect(res.status()).toBe(201);
      const order = (await res.json()) as { id: string; escrowId: Hex; transactions: { to: Hex; data: Hex }[] };
      orderId = order.id;
      const chain = wallet(BUYER);
      for (const tx of order.transactions) await chain.sendTransaction({ to: tx.to, data: tx.data });
      await expect.poll(() => status(orderId), { timeout: 30_000 }).toBe("FUNDED");
      await wallet(PROVIDER).writeContract({
        address: stack.escrow,
        abi: idlegridEscrowAbi,
        functionName: "markStarted",
        args: [order.escrowId],
      });
      await chain.writeContract({ address: stack.escrow, abi: idlegridEscrowAbi, functionName: "openDispute", args: [order.escrowId] });
      await expect.poll(() => status(orderId), { timeout: 30_000 }).toBe("DISPUTED");
      const statement = await buyer.request.post(`/api/v1/orders/${orderId}/statement`, {
        data: { body: "The machine never accepted my SSH key." },
        headers: { origin: new URL(stack.appUrl).origin },
      });
      expect(statement.status()).toBe(201);
    });

    await test.step("Ada sees the dispute with the statement and the on-chain state, and resolves it at 70%", async () => {
      const page = await admin.newPage();
      const adminWallet = await injectWallet(page, { rpcUrl: stack.rpcUrl, accountIndex: ADMIN });
      await page.goto("/");
      await signInThroughUi(page, adminWallet);
      await page.goto("/admin");
      await expect(page.getByTestId("stat-disputes")).not.toHaveText("0");
      await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Disputes" }).click();
      const dispute = page.getByTestId(`dispute-${orderId}`);
      await expect(dispute.getByTestId("dispute-statement")).toContainText("never accepted my SSH key");
      await expect(dispute.getByTestId("chain-status")).toHaveText("Disputed");
      await dispute.getByTestId("provider-share").fill("70");
      await expect(dispute.getByText("Provider's share: 70%")).toBeVisible();
      await dispute.getByRole("button", { name: "Resolve from my wallet" }).click();
      await expect.poll(() => status(orderId), { timeout: 60_000 }).toBe("RESOLVED");
      await expect(page.getByTestId(`dispute-${orderId}`)).toHaveCount(0, { timeout: 30_000 });
    });

    await test.step("the split and the admin's intent are both recorded", async () => {
      const [event] = await sql<{ bps: string }>(
        `SELECT args->>'providerBps' AS bps FROM "ChainEvent" WHERE "orderId" = $1 AND "eventName" = 'DisputeResolved'`,
        [orderId],
      );
      expect(event?.bps).toBe("7000");
      const [audit] = await sql<{ bps: string }>(
        `SELECT after->>'intendedProviderBps' AS bps FROM "AuditLog" WHERE "targetId" = $1 AND action = 'order.resolve_dispute'`,
        [orderId],
      );
      expect(audit?.bps).toBe("7000");
    });

    await test.step("both parties withdraw their credited shares, leaving the escrow owing them nothing", async () => {
      const credits = (index: number) =>
        createPublicClient({ chain: foundry, transport: http(stack.rpcUrl) }).readContract({
          address: stack.escrow,
          abi: idlegridEscrowAbi,
          functionName: "credits",
          args: [walletAccount(index).address],
        });
      for (const index of [PROVIDER, BUYER]) {
        expect(await credits(index)).toBeGreaterThan(0n);
        await wallet(index).writeContract({ address: stack.escrow, abi: idlegridEscrowAbi, functionName: "withdraw" });
        await expect.poll(() => credits(index)).toBe(0n);
      }
    });
  } finally {
    await buyer.close();
    await admin.close();
  }
});
