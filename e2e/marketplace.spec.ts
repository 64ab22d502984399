/**
 * The marketplace story end to end: a provider lists a machine through the form, an admin
 * approves it through the API (the tested approveListing server function), and a buyer who is
 * not signed in finds it by filtering and sorting, opens it and prices a rental.
 */
import { expect, test } from "./fixtures/stack";
import { signInWithApi, walletAccount } from "./fixtures/wallet";
import { gpuLabel } from "../lib/listings/gpu-catalog";

test("a provider lists a machine, an admin approves it, a buyer finds it and opens its page", async ({ browser, page, sql, stack }) => {
  const city = `Reykjavik e2e ${Date.now().toString(36)}`;
  const provider = await browser.newContext({ baseURL: stack.appUrl });
  const admin = await browser.newContext({ baseURL: stack.appUrl });
  try {
    await signInWithApi(provider, stack, 3);
    await signInWithApi(admin, stack, 1);
    const providerPage = await provider.newPage();

    await test.step("the form explains each invalid field", async () => {
      await providerPage.goto("/provide/new");
      await providerPage.getByLabel("GPU count").fill("99");
      await providerPage.getByLabel("Price per GPU-hour (USDC)").fill("1.2345678");
      await providerPage.getByRole("button", { name: "Submit for review" }).click();
      await expect(providerPage.getByText("Choose a GPU model from the list")).toBeVisible();
      await expect(providerPage.getByText("GPU count must be a whole number from 1 to 16")).toBeVisible();
      await expect(providerPage.getByText("Price must be a decimal like 1.85 with at most 6 decimal places")).toBeVisible();
      await expect(providerPage.getByLabel("GPU count")).toHaveValue("99");
    });

    await test.step("the provider registers an H100 NVL machine and submits it", async () => {
      await providerPage.getByLabel("GPU model").selectOption("H100-NVL");
      await expect(providerPage.getByTestId("gpu-spec")).toContainText("94 GB VRAM");
      const fields: Record<string, string> = {
        "GPU count": "3",
        "CPU cores": "48",
        "RAM (GB)": "384",
        "Disk (GB)": "4000",
        "Upload (Mbit/s)": "10000",
        "Download (Mbit/s)": "10000",
        "Country code": "is",
        City: city,
        "CUDA version": "12.8",
        "Driver version": "570.124",
        "Price per GPU-hour (USDC)": "1.11",
        "Minimum hours": "2",
        "Maximum hours": "100",
      };
      for (const [label, value] of Object.entries(fields)) await providerPage.getByLabel(label, { exact: true }).fill(value);
      await providerPage.getByRole("button", { name: "Submit for review" }).click();
      await expect(providerPage).toHaveURL(/\/provide\?notice=submitted/);
      const row = providerPage.getByTestId("my-machine").filter({ hasText: city });
      await expect(row.getByTestId("machine-status")).toHaveText("In review");
      await expect(row).toContainText("$1.11");
    });

    const [machine] = await sql<{ id: string; price: string; status: string }>(
      `SELECT id, "pricePerGpuHour"::text AS price, status::text FROM "Machine" WHERE city = $1`,
      [city],
    );
    expect(machine).toMatchObject({ price: "1110000", status: "PENDING_REVIEW" });
    const id = machine?.id ?? "";

    await test.step("while in review, buyers cannot see it", async () => {
      const res = await page.goto(`/listings/${id}`);
      expect(res?.status()).toBe(404);
      expect((await page.request.get(`/api/v1/listings/${id}`)).status()).toBe(404);
    });

    await test.step("the seeded admin approves it", async () => {
      const res = await admin.request.post(`/api/v1/listings/${id}/status`, {
        data: { action: "approve" },
        headers: { origin: new URL(stack.appUrl).origin },
      });
      expect(res.status()).toBe(200);
      expect((await res.json()).status).toBe("LIVE");
    });

    await test.step("a buyer filters by model and price, sorts by value, and finds it first", async () => {
      await page.goto("/marketplace");
      await page.getByRole("checkbox", { name: /H100 NVL/ }).check();
      await page.getByLabel("Max $/GPU-hour").fill("2.50");
      await page.getByRole("button", { name: "Apply filters" }).click();
      await expect(page).toHaveURL(/gpu=H100-NVL/);
      await page.getByLabel("Sort by").selectOption("value");
      await expect(page).toHaveURL(/sort=value/);
      await expect(page).toHaveURL(/maxPrice=2.50?/);
      const first = page.getByTestId("listing-row").first();
      await expect(first).toContainText("3× H100 NVL");
      await expect(first.getByRole("link")).toHaveAttribute("title", "NVIDIA H100 NVL");
      await expect(first.getByTestId("listing-price")).toHaveText("$1.11");
      await expect(page.getByTestId("result-count")).toContainText("listing");
      for (const row of await page.getByTestId("listing-row").all()) await expect(row).toContainText("H100 NVL");

      await first.getByRole("link").click();
      await expect(page).toHaveURL(new RegExp(`/listings/${id}$`));
    });

    await test.step("the listing page shows specs, the provider and the price for N hours", async () => {
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("3× NVIDIA H100 NVL");
      await expect(page.getByTestId("provider-address")).toHaveText(walletAccount(3).address);
      await expect(page.getByText("94 GB", { exact: true })).toBeVisible();
      await page.getByLabel("Hours").fill("10");
      await expect(page.getByTestId("price-for-hours")).toContainText("$33.30");
      await page.getByLabel("Hours").fill("1");
      await expect(page.getByTestId("price-for-hours")).toContainText("The minimum rental is 2 hours");
      await expect(page.getByTestId("rent-button")).toHaveText("Sign in to rent");
    });

    await test.step("back returns to the same filtered results", async () => {
      await page.goBack();
      await expect(page).toHaveURL(/gpu=H100-NVL.*sort=value|sort=value.*gpu=H100-NVL/);
      await expect(page.getByTestId("listing-row").first()).toContainText("3× H100 NVL");
    });

    await test.step("an impossible filter explains which filter to relax", async () => {
      await page.goto("/marketplace?gpu=H100-NVL&maxPrice=0.01");
      await expect(page.getByTestId("empty-state")).toContainText("Maximum price per GPU-hour");
    });
  } finally {
    await sql(`DELETE FROM "Machine" WHERE city = $1`, [city]);
    await provider.close();
    await admin.close();
  }
});

test("a GPU family box stands for every variant: ticking it ticks them, and the search finds all of them", async ({ page, sql }) => {
  const live = (
    await sql<{ gpuModel: string }>(
      `SELECT DISTINCT m."gpuModel" FROM "Machine" m JOIN "User" u ON u.id = m."providerId" WHERE m.status = 'LIVE' AND NOT u.banned AND m."gpuModel" LIKE 'H100-%'`,
    )
  )
    .map((r) => r.gpuModel)
    .sort();
  // The seed lists more than one H100 variant; the test is only meaningful when it does.
  expect(live.length).toBeGreaterThanOrEqual(2);
  await page.goto("/marketplace");
  const family = page.getByRole("checkbox", { name: "Any H100" });
  const group = page.getByRole("group", { name: "Any H100" });
  const variants = ["H100 SXM", "H100 NVL", "H100 PCIe"].map((name) => group.getByRole("checkbox", { name: new RegExp(`^${name} `) }));

  await test.step("the family box ticks and clears its variants, and shows a partial choice as mixed", async () => {
    await family.check();
    for (const variant of variants) await expect(variant).toBeChecked();
    await variants[2]?.uncheck();
    await expect(family).not.toBeChecked();
    await expect(family).toHaveJSProperty("indeterminate", true);
    await family.check();
    for (const variant of variants) await expect(variant).toBeChecked();
  });

  await test.step("applied, it finds listings of every H100 variant and of no other model", async () => {
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/[?&]gpu=H100(&|$)/);
    const rows = await page.getByTestId("listing-row").allTextContents();
    for (const row of rows) expect(row).toMatch(/\d+× H100 (SXM|NVL|PCIe)/);
    for (const variant of live.map(gpuLabel))
      expect(
        rows.some((row) => row.includes(variant)),
        variant,
      ).toBe(true);
    await expect(family).toBeChecked();
    for (const variant of variants) await expect(variant).toBeChecked();
  });

  await test.step("the API takes the family too", async () => {
    const res = await page.request.get("/api/v1/listings?gpu=H100&limit=100");
    expect(res.status()).toBe(200);
    const models = new Set(((await res.json()) as { items: { gpuModel: string }[] }).items.map((i) => i.gpuModel));
    expect([...models].sort()).toEqual(live);
  });
});
