/**
 * The admin console end to end, with real sessions from the injected-wallet fixture: a provider's listing
 * is rejected with a reason, fixed, resubmitted and approved into the marketplace; a buyer reports a
 * listing and an admin suspends it from the reports view; and the console is a 404 to everyone else.
 */
import type { BrowserContext } from "@playwright/test";
import { expect, test } from "./fixtures/stack";
import { signInWithApi, walletAccount } from "./fixtures/wallet";

const ADMIN = 1;
const BUYER = 2;
const PROVIDER = 4;

test("a provider's listing is rejected with a reason, fixed, resubmitted and approved into the marketplace", async ({
  browser,
  page,
  sql,
  stack,
}) => {
  const city = `Tromso e2e ${Date.now().toString(36)}`;
  const provider = await browser.newContext({ baseURL: stack.appUrl });
  const admin = await browser.newContext({ baseURL: stack.appUrl });
  try {
    await signInWithApi(provider, stack, PROVIDER);
    await signInWithApi(admin, stack, ADMIN);
    const providerPage = await provider.newPage();
    const adminPage = await admin.newPage();

    await test.step("the provider submits an L40S machine through the form", async () => {
      await providerPage.goto("/provide/new");
      await providerPage.getByLabel("GPU model").selectOption("L40S");
      const fields: Record<string, string> = {
        "GPU count": "2",
        "CPU cores": "32",
        "RAM (GB)": "256",
        "Disk (GB)": "2000",
        "Upload (Mbit/s)": "5000",
        "Download (Mbit/s)": "5000",
        "Country code": "NO",
        City: city,
        "CUDA version": "12.4",
        "Driver version": "550.127",
        "Price per GPU-hour (USDC)": "85",
        "Minimum hours": "1",
        "Maximum hours": "200",
      };
      for (const [label, value] of Object.entries(fields)) await providerPage.getByLabel(label, { exact: true }).fill(value);
      await providerPage.getByRole("button", { name: "Submit for review" }).click();
      await expect(providerPage).toHaveURL(/\/provide\?notice=submitted/);
    });
    const [{ id } = { id: "" }] = await sql<{ id: string }>(`SELECT id FROM "Machine" WHERE city = $1`, [city]);
    const queueItem = adminPage.locator(`[data-testid="queue-item"][data-listing-id="${id}"]`);

    await test.step("the admin sees it in the queue against the L40S median and rejects it with a reason", async () => {
      await adminPage.goto("/admin/moderation");
      await expect(queueItem).toContainText(city);
      await expect(queueItem.getByTestId("vs-median")).toContainText("market median $0.");
      await queueItem.getByRole("button", { name: "Reject" }).click();
      await expect(queueItem.getByRole("alert")).toContainText("Reason needs at least 3 characters");
      await queueItem.getByLabel("Reason", { exact: true }).fill("The price of $85 per GPU-hour looks like a typo");
      await queueItem.getByRole("button", { name: "Reject" }).click();
      await expect(queueItem).toHaveCount(0);
    });

    await test.step("the provider sees the reason, fixes the price and resubmits", async () => {
      await providerPage.goto("/provide");
      const row = providerPage.getByTestId("my-machine").filter({ hasText: city });
      await expect(row.getByTestId("machine-status")).toHaveText("Rejected");
      await expect(row).toContainText("The price of $85 per GPU-hour looks like a typo");
      await providerPage.goto(`/provide/${id}/edit`);
      await providerPage.getByLabel("Price per GPU-hour (USDC)", { exact: true }).fill("0.15");
      await providerPage.getByRole("button", { name: "Save changes" }).click();
      await expect(providerPage).toHaveURL(/\/provide\?notice=saved/);
      await row.getByRole("button", { name: "Resubmit" }).click();
      await expect(row.getByTestId("machine-status")).toHaveText("In review");
    });

    await test.step("the admin approves it, which the audit log records", async () => {
      await adminPage.goto("/admin/moderation");
      await expect(queueItem).toContainText("$0.15");
      await queueItem.getByRole("button", { name: "Approve" }).click();
      await expect(queueItem).toHaveCount(0);
      await adminPage.goto(`/admin/audit?action=listing.approve`);
      await expect(adminPage.getByTestId("audit-row").filter({ hasText: id }).first()).toContainText(walletAccount(ADMIN).address);
      const rows = await sql<{ action: string }>(`SELECT action FROM "AuditLog" WHERE "targetId" = $1 ORDER BY "createdAt"`, [id]);
      expect(rows.map((r) => r.action)).toEqual(["listing.reject", "listing.approve"]);
    });

    await test.step("a visitor finds it in the marketplace at once", async () => {
      await page.goto("/marketplace?gpu=L40S&maxPrice=0.20");
      await expect(page.getByTestId("listing-row").filter({ hasText: city })).toContainText("$0.15");
      expect((await page.goto(`/listings/${id}`))?.status()).toBe(200);
    });
  } finally {
    await sql(`DELETE FROM "Machine" WHERE city = $1`, [city]);
    await provider.close();
    await admin.close();
  }
});

test("a buyer reports a listing and an admin suspends it from the reports view", async ({ browser, page, sql, stack }) => {
  const city = `Bergen e2e ${Date.now().toString(36)}`;
  const id = `e2erep${Date.now().toString(36)}`;
  const [owner] = await sql<{ id: string }>(`SELECT id FROM "User" WHERE address = $1`, [walletAccount(5).address]);
  await sql(
    `INSERT INTO "Machine" (id, "providerId", "gpuModel", "gpuCount", "vramGb", "tflopsPerGpu", "cpuCores", "ramGb", "diskGb", "uploadMbps", "downloadMbps",
       country, city, "cudaVersion", "driverVersion", "pricePerGpuHour", status, "submittedAt", "updatedAt")
     VALUES ($1, $2, 'L40S', 1, 48, 362, 16, 64, 1000, 1000, 1000, 'NO', $3, 124, '550.127', 120000, 'LIVE', now(), now())`,
    [id, owner?.id, city],
  );
  const buyer = await browser.newContext({ baseURL: stack.appUrl });
  const admin = await browser.newContext({ baseURL: stack.appUrl });
  try {
    await signInWithApi(buyer, stack, BUYER);
    await signInWithApi(admin, stack, ADMIN);
    const buyerPage = await buyer.newPage();
    const adminPage = await admin.newPage();

    await test.step("the buyer reports the listing from its page", async () => {
      await buyerPage.goto(`/listings/${id}`);
      await buyerPage.getByText("Report this listing").click();
      const form = buyerPage.getByRole("form", { name: "Report this listing" });
      await form.getByLabel("Category").selectOption("MISLEADING");
      await form.getByRole("button", { name: "Send report" }).click();
      await expect(form.getByText("Describe the problem in at least 10 characters")).toBeVisible();
      await form.getByLabel("What is wrong?").fill("This machine answered as an RTX 3060, not an L40S.");
      await form.getByRole("button", { name: "Send report" }).click();
      await expect(buyerPage.getByTestId("report-listing-sent")).toBeVisible();
    });

    await test.step("the admin suspends it from the reports view", async () => {
      await adminPage.goto("/admin/reports");
      const group = adminPage.locator(`[data-testid="report-group"][data-target-id="${id}"]`);
      await expect(group).toContainText("answered as an RTX 3060");
      await expect(group).toContainText(walletAccount(BUYER).address);
      await group.getByLabel("Resolution", { exact: true }).selectOption("suspend_listing");
      await group.getByLabel("Resolution note").fill("Confirmed with the provider: wrong GPU");
      await group.getByRole("button", { name: "Resolve" }).click();
      await expect(group).toHaveCount(0);
    });

    await test.step("the listing has left the marketplace", async () => {
      expect((await page.goto(`/listings/${id}`))?.status()).toBe(404);
      await page.goto("/marketplace?gpu=L40S&maxPrice=0.20");
      await expect(page.getByTestId("listing-row").filter({ hasText: city })).toHaveCount(0);
      const [row] = await sql<{ status: string; suspensionReason: string }>(
        `SELECT status::text, "suspensionReason" FROM "Machine" WHERE id = $1`,
        [id],
      );
      expect(row).toEqual({ status: "SUSPENDED", suspensionReason: "Confirmed with the provider: wrong GPU" });
    });
  } finally {
    await sql(`DELETE FROM "Machine" WHERE id = $1`, [id]);
    await buyer.close();
    await admin.close();
  }
});

test("the admin console is a 404 page to visitors and non-admins, and its API a 401/403", async ({ browser, stack, sql }) => {
  const [someone] = await sql<{ id: string }>(`SELECT id FROM "User" WHERE address = $1`, [walletAccount(BUYER).address]);
  const pages = [
    "/admin",
    "/admin/moderation",
    "/admin/reports",
    "/admin/users",
    `/admin/users/${someone?.id}`,
    "/admin/audit",
    "/admin/disputes",
  ];
  const contexts: Record<string, BrowserContext> = {};
  try {
    for (const [name, index] of [
      ["visitor", null],
      ["buyer", BUYER],
      ["provider", PROVIDER],
      ["admin", ADMIN],
    ] as const) {
      contexts[name] = await browser.newContext({ baseURL: stack.appUrl });
      if (index !== null) await signInWithApi(contexts[name], stack, index);
    }
    for (const path of pages) {
      for (const name of ["visitor", "buyer", "provider"]) {
        expect((await contexts[name]?.request.get(path))?.status(), `${name} ${path}`).toBe(404);
      }
      expect((await contexts.admin?.request.get(path))?.status(), `admin ${path}`).toBe(200);
    }
    expect((await contexts.visitor?.request.get("/api/admin/overview"))?.status()).toBe(401);
    expect((await contexts.buyer?.request.get("/api/admin/overview"))?.status()).toBe(403);
    const csv = await contexts.admin?.request.get("/api/admin/audit/export");
    expect(csv?.headers()["content-type"]).toContain("text/csv");
  } finally {
    for (const c of Object.values(contexts)) await c.close();
  }
});
