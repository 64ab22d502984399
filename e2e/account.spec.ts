/**
 * The account page and the wallet menu on the local chain: "Get test USDC" really mints to the
 * connected wallet, a saved SSH key is managed on /account and offered by the rent panel, and the
 * order carries exactly that key.
 */
import { createPublicClient, erc20Abi, http } from "viem";
import { foundry } from "viem/chains";
import { ed25519Key } from "../test/ssh-keys";
import { expect, test } from "./fixtures/stack";
import { injectWallet, signInThroughUi } from "./fixtures/wallet";
import { freeListing } from "./fixtures/listings";

const ACCOUNT = 7;

test("the wallet menu gives test USDC, and a key saved on /account is picked when renting", async ({ page, sql, stack }) => {
  test.setTimeout(120_000);
  const chain = createPublicClient({ chain: foundry, transport: http(stack.rpcUrl) });
  const wallet = await injectWallet(page, { rpcUrl: stack.rpcUrl, accountIndex: ACCOUNT });
  const balance = () => chain.readContract({ address: stack.token, abi: erc20Abi, functionName: "balanceOf", args: [wallet.address] });
  const key = ed25519Key("e2e@laptop");

  await test.step("the wallet menu's faucet sends 1,000 tUSDC on the local chain", async () => {
    await page.goto("/");
    await signInThroughUi(page, wallet);
    const before = await balance();
    await page.getByTestId("wallet-address").click();
    await page.getByTestId("faucet-button").click();
    await expect(page.getByText("Sent 1,000 tUSDC and 1 test ETH.")).toBeVisible({ timeout: 30_000 });
    expect(await balance()).toBe(before + 1_000_000_000n);
  });

  await test.step("a key is saved on the account page; a malformed one is refused in words", async () => {
    await page.getByTestId("account-link").click();
    await expect(page).toHaveURL(/\/account$/);
    await page.getByTestId("ssh-key-label").fill("E2E laptop");
    await page.getByTestId("ssh-key-value").fill("ssh-ed25519 AAAAnot-a-key");
    await page.getByTestId("ssh-key-add").click();
    // Scoped to the page content: Next's route announcer is an alert too.
    await expect(page.getByRole("main").getByRole("alert")).toBeVisible();
    await page.getByTestId("ssh-key-value").fill(key);
    await page.getByTestId("ssh-key-add").click();
    await expect(page.getByTestId("ssh-key-list")).toContainText("E2E laptop");
  });

  await test.step("the rent panel offers the saved key and the order carries it", async () => {
    const listing = await freeListing(sql);
    await page.goto(`/listings/${listing.id}`);
    await expect(page.getByTestId("rent-ssh-key-choice").locator("option:checked")).toContainText("E2E laptop");
    await expect(page.getByTestId("rent-ssh-key")).toHaveCount(0);
    await page.getByTestId("rent-hours").fill(String(listing.minHours));
    await page.getByTestId("rent-button").click();
    await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
    const [order] = await sql<{ sshPublicKey: string }>(`SELECT "sshPublicKey" FROM "Order" WHERE id = $1`, [page.url().split("/").pop()]);
    expect(order?.sshPublicKey).toBe(key);
  });

  await test.step("the key is deleted from the account page", async () => {
    await page.goto("/account");
    await page.getByTestId("ssh-key-list").getByRole("button", { name: "Delete" }).click();
    await expect(page.getByTestId("ssh-key-list")).toHaveCount(0);
    expect(await sql(`SELECT 1 FROM "SshKey" s JOIN "User" u ON u.id = s."userId" WHERE u.address = $1`, [wallet.address])).toHaveLength(0);
  });
});
