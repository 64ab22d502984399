import { expect, test } from "./fixtures/stack";
import { injectWallet, signInThroughUi, walletAccount } from "./fixtures/wallet";

const ADMIN = 1;
const BUYER = 2;

test("an injected wallet signs in, survives a reload, is signed out by an account switch, and signs out", async ({ page, stack, sql }) => {
  const wallet = await injectWallet(page, { rpcUrl: stack.rpcUrl, accountIndex: ADMIN });
  const sessionsOf = async (index: number) =>
    Number(
      (
        await sql<{ n: string }>(`SELECT count(*)::text AS n FROM "Session" s JOIN "User" u ON u.id = s."userId" WHERE u.address = $1`, [
          walletAccount(index).address,
        ])
      )[0]?.n,
    );
  const before = await sessionsOf(ADMIN);

  await test.step("connect through the EIP-6963 wallet list and sign in", async () => {
    await page.goto("/");
    await signInThroughUi(page, wallet);
    await expect(page.getByTestId("wallet-role")).toHaveText("Admin");
    await expect(page.getByTestId("wallet-address")).toHaveText(/^0x7099…79C8$/);
    await expect(page.getByTestId("wallet-balance")).toContainText("tUSDC");
    expect(await sessionsOf(ADMIN)).toBe(before + 1);
  });

  await test.step("a wallet on another network is offered the switch back", async () => {
    await wallet.switchChain(1);
    const switchButton = page.getByRole("button", { name: "Switch to Foundry" });
    await expect(switchButton).toBeVisible();
    await switchButton.click();
    await expect(switchButton).toBeHidden();
    await expect(page.getByTestId("wallet-role")).toHaveText("Admin");
  });

  await test.step("a reload keeps the session", async () => {
    await page.reload();
    await expect(page.getByTestId("wallet-role")).toHaveText("Admin");
    await expect(page.getByTestId("wallet-address")).toHaveAttribute("title", walletAccount(ADMIN).address);
  });

  await test.step("switching the wallet's account ends the session", async () => {
    await wallet.switchAccount(BUYER);
    await expect(page.getByTestId("wallet-address")).toHaveAttribute("title", walletAccount(BUYER).address);
    await expect(page.getByTestId("wallet-role")).toHaveText("Not signed in");
    await expect(page.getByTestId("sign-in")).toBeVisible();
    await expect.poll(() => sessionsOf(ADMIN)).toBe(before);
    expect((await page.request.get("/api/auth/session")).status()).toBe(401);
  });

  await test.step("the new account signs in, then signs out", async () => {
    // Other specs may have signed the buyer in from their own browsers; only this browser's session may end.
    const buyerBefore = await sessionsOf(BUYER);
    await page.getByTestId("sign-in").click();
    await expect(page.getByTestId("wallet-role")).toHaveText("Signed in");
    expect(await (await page.request.get("/api/auth/session")).json()).toMatchObject({ address: walletAccount(BUYER).address, roles: [] });

    await page.getByTestId("wallet-address").click();
    await page.getByTestId("sign-out").click();
    await expect(page.getByTestId("wallet-role")).toHaveText("Not signed in");
    expect((await page.request.get("/api/auth/session")).status()).toBe(401);
    expect(await sessionsOf(BUYER)).toBe(buyerBefore);
  });

  await test.step("a wallet that disconnects ends the session", async () => {
    const buyerBefore = await sessionsOf(BUYER);
    await page.getByTestId("sign-in").click();
    await expect(page.getByTestId("wallet-role")).toHaveText("Signed in");
    expect(await sessionsOf(BUYER)).toBe(buyerBefore + 1);
    await wallet.lock();
    await expect(page.getByTestId("connect-wallet")).toHaveText("Connect wallet");
    await expect.poll(() => sessionsOf(BUYER)).toBe(buyerBefore);
  });
});

test("the dev wallet signs a visitor in as a demo account in two clicks", async ({ page }) => {
  await page.goto("/");
  await page.getByTestId("connect-wallet").click();
  await page.getByRole("button", { name: "Dev wallet: Bea (buyer)" }).click();
  await expect(page.getByTestId("wallet-address")).toHaveAttribute("title", walletAccount(BUYER).address);
  await expect(page.getByTestId("wallet-role")).toHaveText("Signed in");
  expect(await (await page.request.get("/api/auth/session")).json()).toMatchObject({ address: walletAccount(BUYER).address });
});
