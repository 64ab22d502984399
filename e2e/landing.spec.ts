import { expect, test } from "./fixtures/stack";

test("the landing page shows live market figures from the database", async ({ page, sql }) => {
  const [figures] = await sql<{ listings: string; gpus: string; cheapest: string }>(`
    SELECT count(*)::text AS listings, coalesce(sum(m."gpuCount" - m."gpusReserved"), 0)::text AS gpus,
           (SELECT min("pricePerGpuHour")::text FROM "Machine" h JOIN "User" hu ON hu.id = h."providerId"
             WHERE h.status = 'LIVE' AND NOT hu.banned AND h."gpuModel" LIKE 'H100-%') AS cheapest
      FROM "Machine" m JOIN "User" u ON u.id = m."providerId"
     WHERE m.status = 'LIVE' AND NOT u.banned`);
  expect(Number(figures?.listings)).toBeGreaterThanOrEqual(30);

  await test.step("figures match the database", async () => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Idle GPUs");
    // An earlier visit may have left figures up to a second old (see below).
    await expect(async () => {
      await page.reload();
      await expect(page.getByTestId("stat-live-listings")).toHaveText(Number(figures?.listings).toLocaleString("en-US"), { timeout: 500 });
    }).toPass({ timeout: 15_000 });
    await expect(page.getByTestId("stat-gpus-available")).toHaveText(Number(figures?.gpus).toLocaleString("en-US"));
    await expect(page.getByTestId("stat-cheapest-h100")).toHaveText(`$${(Number(figures?.cheapest) / 1e6).toFixed(2)}`);
  });

  // The figures are at most LANDING_STATS_FRESH_SECONDS old (1 s in the test stack, 30 s by default),
  // and a request past that answers from the older ones while the new ones are computed: reload until
  // they show.
  await test.step("a new cheaper H100 listing shows up within the refresh interval", async () => {
    const [provider] = await sql<{ id: string }>(`SELECT id FROM "User" WHERE NOT banned LIMIT 1`);
    await sql(
      `INSERT INTO "Machine" (id, "providerId", "gpuModel", "gpuCount", "vramGb", "tflopsPerGpu", "cpuCores", "ramGb", "diskGb",
         "uploadMbps", "downloadMbps", country, city, "cudaVersion", "driverVersion", "pricePerGpuHour", status, "updatedAt")
       VALUES ('e2e-landing-h100', $1, 'H100-PCIE', 3, 80, 756, 32, 256, 2000, 1000, 1000, 'FR', 'Paris', 124, '550.127', 990000, 'LIVE', now())`,
      [provider?.id],
    );
    try {
      await expect(async () => {
        await page.reload();
        await expect(page.getByTestId("stat-live-listings")).toHaveText((Number(figures?.listings) + 1).toLocaleString("en-US"), {
          timeout: 500,
        });
      }).toPass({ timeout: 15_000 });
      await expect(page.getByTestId("stat-gpus-available")).toHaveText((Number(figures?.gpus) + 3).toLocaleString("en-US"));
      await expect(page.getByTestId("stat-cheapest-h100")).toHaveText("$0.99");
    } finally {
      await sql(`DELETE FROM "Machine" WHERE id = 'e2e-landing-h100'`);
    }
  });
});

test("health endpoint reports database, chain and token", async ({ request, stack }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body).toMatchObject({ ok: true, database: { ok: true }, chain: { ok: true, chainId: 31337 }, token: { ok: true } });
  expect(body.token.address.toLowerCase()).toBe(stack.token.toLowerCase());
});
