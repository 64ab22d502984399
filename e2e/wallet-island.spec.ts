/**
 * The wallet code is not part of a page's first load: the header shows a placeholder of the same size,
 * then the wallet island arrives after hydration with the connect dialog, Coinbase Wallet among its
 * wallets, and the connection and session that survive a reload.
 */
import { expect, test } from "./fixtures/stack";
import { injectWallet, TEST_WALLET_NAME, walletAccount } from "./fixtures/wallet";

const BUYER = 2;

test("the marketplace header loads its wallet after hydration, without moving, and it connects and signs in", async ({ page, stack }) => {
  const wallet = await injectWallet(page, { rpcUrl: stack.rpcUrl, accountIndex: BUYER });

  await test.step("the server-rendered header holds a same-size placeholder, swapped for the real button", async () => {
    await page.goto("/marketplace");
    const html = await (await page.request.get("/marketplace")).text();
    expect(html).toContain('data-testid="wallet-placeholder"');
    expect(html).not.toContain('data-testid="connect-wallet"');
    await expect(page.getByTestId("connect-wallet")).toBeVisible();
    await expect(page.getByTestId("wallet-placeholder")).toHaveCount(0);
    // Layout shifts in the header that the browser recorded while the page and the wallet island loaded.
    // Only the header's: the results table may shift once while the HTML streams in, which is not the island's doing.
    const shift = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let total = 0;
          const header = document.querySelector("header");
          type Shift = PerformanceEntry & { value: number; hadRecentInput: boolean; sources: { node: Node | null }[] };
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries() as Shift[]) {
              if (!entry.hadRecentInput && entry.sources.some((s) => s.node && header?.contains(s.node))) total += entry.value;
            }
          }).observe({ type: "layout-shift", buffered: true });
          setTimeout(() => resolve(total), 300);
        }),
    );
    expect(shift).toBeLessThan(0.01);
  });

  await test.step("the connect dialog lists the injected wallet and Coinbase Wallet, and no WalletConnect", async () => {
    await page.getByTestId("connect-wallet").click();
    const dialog = page.getByRole("dialog", { name: "Connect a wallet" });
    await expect(dialog.getByRole("button", { name: TEST_WALLET_NAME })).toBeVisible();
    await expect(dialog.getByRole("button", { name: "Coinbase Wallet" })).toBeVisible();
    await expect(dialog.getByRole("button", { name: /WalletConnect/i })).toHaveCount(0);
    await dialog.getByRole("button", { name: TEST_WALLET_NAME }).click();
    await expect(page.getByTestId("wallet-address")).toHaveAttribute("title", walletAccount(BUYER).address);
    await expect(page.getByTestId("wallet-role")).toHaveText("Signed in");
    await expect(page.getByTestId("wallet-balance")).toContainText("tUSDC");
  });

  await test.step("a reload shows the signed-in account from the first paint, then the reconnected wallet, never the connect button", async () => {
    const html = await (await page.request.get("/marketplace")).text();
    expect(html).toContain('data-testid="wallet-reconnecting"');
    expect(html).not.toContain('data-testid="wallet-placeholder"');
    // Every state the header's wallet area passes through while the page reloads and the wallet reconnects.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { walletStates: string[] }).walletStates = seen;
      const record = () => {
        const slot = document.querySelector('[data-testid="wallet-slot"]');
        const state = slot?.querySelector("[data-testid]")?.getAttribute("data-testid") ?? "none";
        if (seen.at(-1) !== state) seen.push(state);
        requestAnimationFrame(record);
      };
      requestAnimationFrame(record);
    });
    await page.reload();
    await expect(page.getByTestId("wallet-address")).toHaveAttribute("title", wallet.address);
    await expect(page.getByTestId("wallet-role")).toHaveText("Signed in");
    await expect(page.getByTestId("sign-out")).toBeAttached();
    const states = await page.evaluate(() => (window as unknown as { walletStates: string[] }).walletStates);
    expect(states.filter((s) => s !== "none")).toEqual(["wallet-reconnecting", "wallet-address"]);
  });

  await test.step("a wallet-using leaf elsewhere shares the header's connection (the orders page's withdraw panel)", async () => {
    await page.getByRole("link", { name: "Orders" }).first().click();
    await expect(page).toHaveURL(/\/orders$/);
    // The panel renders only for a connected wallet: it reads the connection the header's island made.
    await expect(page.getByTestId("credited-balance")).toBeVisible();
    // Loaded directly, the leaf's island renders before the header's reconnects, and follows it.
    await page.goto("/orders");
    await expect(page.getByTestId("credited-balance")).toBeVisible();
    await expect(page.getByTestId("wallet-role")).toHaveText("Signed in");
  });
});
