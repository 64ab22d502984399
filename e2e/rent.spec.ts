/**
 * Renting end to end with real wallets on the e2e anvil: the buyer rents a listing and pays through
 * the injected wallet (an EIP-2612 permit signature and openRentalWithPermit: a metered rental), the
 * indexer marks it funded, the provider starts, the buyer releases everything held to the provider
 * (a rental is never "completed" on the provider's word: it ends by its meter, a stop, or the buyer's
 * release), the provider withdraws. Balances are checked on chain at the end. e2e/metered.spec.ts
 * covers the meter, extending, claiming and stopping.
 */
import { createPublicClient, erc20Abi, http, type Address } from "viem";
import { foundry } from "viem/chains";
import { idlegridEscrowAbi } from "../lib/chain/generated/IdlegridEscrow";
import { permitTokenAbi } from "../lib/chain/permit";
import { releaseSplit } from "../lib/chain/escrow";
import { LOCAL_ESCROW_FEE_BPS } from "../scripts/lib/deploy-local";
import { expect, test } from "./fixtures/stack";
import { injectWallet, signInThroughUi, walletAccount } from "./fixtures/wallet";
import { freeListing } from "./fixtures/listings";

const SSH_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBx4f5r0c4F7Yt2l3c2m9ZsSxE5Yb0c1Y2Vb3nQJm6vW bea@laptop";

test("a buyer rents and pays, the provider starts, the buyer releases, the provider withdraws", async ({ browser, sql, stack }) => {
  test.setTimeout(180_000);
  const chain = createPublicClient({ chain: foundry, transport: http(stack.rpcUrl) });
  const balance = (owner: Address) => chain.readContract({ address: stack.token, abi: erc20Abi, functionName: "balanceOf", args: [owner] });
  const buyerAddress = walletAccount(2).address;
  const providerAddress = walletAccount(3).address;
  const listing = await freeListing(sql, providerAddress);
  const buyerBefore = await balance(buyerAddress);
  const providerBefore = await balance(providerAddress);
  // Other specs (the jobs flow) may have left this provider credited: the withdrawal takes that too.
  const creditedBefore = await chain.readContract({
    address: stack.escrow,
    abi: idlegridEscrowAbi,
    functionName: "credits",
    args: [providerAddress],
  });

  const buyerContext = await browser.newContext({ baseURL: stack.appUrl });
  const providerContext = await browser.newContext({ baseURL: stack.appUrl });
  const buyerPage = await buyerContext.newPage();
  const providerPage = await providerContext.newPage();
  const buyerWallet = await injectWallet(buyerPage, { rpcUrl: stack.rpcUrl, accountIndex: 2 });
  const providerWallet = await injectWallet(providerPage, { rpcUrl: stack.rpcUrl, accountIndex: 3 });
  let orderUrl = "";
  let amount = 0n;

  try {
    await test.step("the buyer signs in, picks 2 hours and creates the order", async () => {
      await buyerPage.goto("/");
      await signInThroughUi(buyerPage, buyerWallet);
      await buyerPage.goto(`/listings/${listing.id}`);
      await buyerPage.getByTestId("rent-hours").fill("2");
      await buyerPage.getByTestId("rent-ssh-key").fill(SSH_KEY);
      await buyerPage.getByTestId("rent-button").click();
      await expect(buyerPage).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
      await expect(buyerPage.getByTestId("order-status")).toHaveText("PENDING_PAYMENT");
      orderUrl = new URL(buyerPage.url()).pathname;
      const [row] = await sql<{ amount: string }>(`SELECT amount::text FROM "Order" WHERE id = $1`, [orderUrl.split("/").pop()]);
      amount = BigInt(row?.amount ?? "0");
      expect(amount).toBeGreaterThan(0n);
    });

    await test.step("the buyer pays through the wallet and the indexer marks the order funded", async () => {
      const nonce = () => chain.readContract({ address: stack.token, abi: permitTokenAbi, functionName: "nonces", args: [buyerAddress] });
      const nonceBefore = await nonce();
      await buyerPage.getByTestId("pay-button").click();
      await expect(buyerPage.getByTestId("order-status")).toHaveText("FUNDED", { timeout: 60_000 });
      // The wallet can sign typed data, so the payment went through a permit: the token used its nonce.
      expect(await nonce()).toBeGreaterThan(nonceBefore);
      await expect(buyerPage.getByTestId("chain-events")).toContainText("EscrowOpened");
    });

    await test.step("the provider starts the rental with connection details", async () => {
      await providerPage.goto("/");
      await signInThroughUi(providerPage, providerWallet);
      await providerPage.goto(orderUrl);
      await expect(providerPage.getByTestId("order-status")).toHaveText("FUNDED");
      await providerPage.getByTestId("start-host").fill("gpu-7.pavel.example");
      await providerPage.getByTestId("start-port").fill("2222");
      await providerPage.getByTestId("start-user").fill("ubuntu");
      await providerPage.getByTestId("action-start").click();
      await expect(providerPage.getByTestId("order-status")).toHaveText("ACTIVE", { timeout: 60_000 });
      // The provider supplied them but the page shows connection details to the buyer (and admins) only.
      await expect(providerPage.getByTestId("connection")).toHaveCount(0);
    });

    await test.step("the buyer sees how to connect", async () => {
      await buyerPage.reload();
      await expect(buyerPage.getByTestId("connection")).toContainText("ssh -p 2222 ubuntu@gpu-7.pavel.example");
    });

    await test.step("the provider has nothing to complete: the rental runs on its meter; the buyer releases it all", async () => {
      await expect(providerPage.getByTestId("meter")).toBeVisible();
      await expect(providerPage.getByTestId("action-complete")).toHaveCount(0);
      await buyerPage.getByTestId("action-release").click();
      await expect(buyerPage.getByTestId("order-status")).toHaveText("PAID", { timeout: 60_000 });
    });

    await test.step("the provider withdraws the credited balance from the provider dashboard", async () => {
      await providerPage.goto("/provide");
      await expect(providerPage.getByRole("heading", { name: "My machines" })).toBeVisible();
      const { providerAmount } = releaseSplit(amount, LOCAL_ESCROW_FEE_BPS);
      await expect(providerPage.getByTestId("credited-balance")).not.toHaveText(/^0\.00 /, { timeout: 30_000 });
      // Record every phase the toast region shows, so a toast that skipped "submitted" would fail.
      await providerPage.getByTestId("toasts").evaluate((region) => {
        const seen: string[] = [];
        Object.assign(window, { toastPhases: seen });
        new MutationObserver(() => {
          const phase = region.querySelector("[data-testid=toast]:last-child")?.getAttribute("data-phase");
          if (phase && seen.at(-1) !== phase) seen.push(phase);
        }).observe(region, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-phase"] });
      });
      await providerPage.getByTestId("withdraw-button").click();
      await expect(providerPage.getByTestId("tx-status")).toContainText("Sent", { timeout: 60_000 });
      const toast = providerPage.getByTestId("toast").last();
      await expect(toast).toContainText("Confirmed: the withdrawal went through");
      // The local chain has no explorer: the hash is shown in full, without a link.
      await expect(toast.getByTestId("toast-hash")).toHaveText(/^0x[0-9a-f]{64}$/);
      expect(await providerPage.evaluate(() => (window as unknown as { toastPhases: string[] }).toastPhases)).toEqual([
        "wallet",
        "submitted",
        "confirmed",
      ]);
      await toast.getByRole("button", { name: "Dismiss" }).click();
      await expect(providerPage.getByTestId("toast")).toHaveCount(0);
      await expect(providerPage.getByTestId("credited-balance")).toHaveText(/^0\.00 /, { timeout: 30_000 });

      expect(await balance(buyerAddress)).toBe(buyerBefore - amount);
      expect(await balance(providerAddress)).toBe(providerBefore + creditedBefore + providerAmount);
      expect(
        await chain.readContract({ address: stack.escrow, abi: idlegridEscrowAbi, functionName: "credits", args: [providerAddress] }),
      ).toBe(0n);
    });
  } finally {
    await buyerContext.close();
    await providerContext.close();
  }
});
