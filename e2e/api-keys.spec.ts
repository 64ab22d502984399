/**
 * Account → API keys and Webhooks in the browser: a key is created with its scopes and shown once,
 * works as a bearer at once and stops at once when revoked on the page; an old sign-in is asked to
 * sign in again before it may create keys; a webhook endpoint is added with its secret shown once.
 */
import { expect, test } from "./fixtures/stack";
import { signInWithApi, walletAccount } from "./fixtures/wallet";

const ACCOUNT = 8;

test("API keys are created, used and revoked on the account page, and webhook endpoints added", async ({ page, context, sql, stack }) => {
  test.setTimeout(120_000);
  const origin = new URL(stack.appUrl).origin;
  await signInWithApi(context, stack, ACCOUNT);
  const bearerGet = (secret: string) => fetch(`${origin}/api/v1/me/webhooks`, { headers: { authorization: `Bearer ${secret}` } });
  let secret = "";

  await test.step("a key with the chosen scopes is created and its secret shown once", async () => {
    await page.goto("/account");
    await page.getByTestId("account-link-apiKeys").click();
    await expect(page).toHaveURL(/\/account\/api-keys$/);
    await page.getByTestId("api-key-name").fill("E2E pipeline");
    await page.getByTestId("api-key-scope-orders").check();
    await page.getByTestId("api-key-create").click();
    await expect(page.getByTestId("api-key-secret")).toHaveValue(/^igk_[a-z0-9]{8}_[A-Za-z0-9_-]{43}$/);
    secret = await page.getByTestId("api-key-secret").inputValue();
    const row = page.getByTestId("api-key-row").filter({ hasText: "E2E pipeline" });
    await expect(row).toContainText("read, orders");
    await expect(row).toContainText(secret.slice(0, 12));
    await expect(row.getByTestId("api-key-status")).toHaveText("Active");
  });

  await test.step("the key works as a bearer, and fails at once when revoked on the page", async () => {
    expect((await bearerGet(secret)).status).toBe(200);
    await page.getByTestId("api-key-row").filter({ hasText: "E2E pipeline" }).getByTestId("api-key-revoke").click();
    await expect(page.getByTestId("api-key-row").filter({ hasText: "E2E pipeline" }).getByTestId("api-key-status")).toHaveText("Revoked");
    const refused = await bearerGet(secret);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ error: "key_revoked" });
  });

  await test.step("the production server refuses a local http endpoint, adds a public https one and shows its secret once", async () => {
    await page.getByTestId("account-link-webhooks").click();
    await page.getByTestId("webhook-url").fill("http://127.0.0.1:9/hooks");
    await page.getByTestId("webhook-add").click();
    await expect(page.getByTestId("error-url")).toContainText("https");
    // An address literal, so no DNS is needed where the tests run; it is a public address, so it passes.
    await page.getByTestId("webhook-url").fill("https://93.184.216.34/hooks");
    await page.getByTestId("webhook-add").click();
    await expect(page.getByTestId("webhook-secret")).toHaveValue(/^whsec_/);
    await page.getByTestId("webhook-row").filter({ hasText: "93.184.216.34/hooks" }).getByTestId("webhook-log-link").click();
    await expect(page.getByRole("main")).toContainText("Nothing was sent here yet.");
  });

  await test.step("with a sign-in older than 15 minutes, creating a key asks for a fresh one", async () => {
    const address = walletAccount(ACCOUNT).address;
    await sql(
      `UPDATE "Session" SET "createdAt" = now() - interval '1 hour' WHERE "userId" = (SELECT id FROM "User" WHERE lower(address) = lower($1))`,
      [address],
    );
    await page.goto("/account/api-keys");
    await expect(page.getByTestId("api-key-reauth")).toBeVisible();
    await expect(page.getByTestId("api-key-create")).toHaveCount(0);
  });
});
