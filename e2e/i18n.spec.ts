/**
 * English and German: the browser's language decides the first visit, the header's switcher
 * changes it and is remembered, and pages, prices and form errors follow.
 */
import { expect, test } from "./fixtures/stack";
import { signInWithApi } from "./fixtures/wallet";

/** German money text written out by hand from base units, to check the app's formatter against. */
function germanDollars(units: bigint): string {
  const whole = (units / 1_000_000n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  const fraction = (units % 1_000_000n).toString().padStart(6, "0").replace(/0+$/, "").padEnd(2, "0");
  return `${whole},${fraction} $`;
}

test("a first visit with a German browser gets German, with German number formats", async ({ browser, stack, sql }) => {
  const context = await browser.newContext({ baseURL: stack.appUrl, locale: "de-DE" });
  try {
    const page = await context.newPage();
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Ungenutzte GPUs");
    await expect(page.getByRole("link", { name: "Marktplatz" })).toBeVisible();
    await expect(page.getByLabel("Sprache")).toHaveValue("de");
    const [cheapest] = await sql<{ price: string }>(`
      SELECT min("pricePerGpuHour")::text AS price FROM "Machine" m JOIN "User" u ON u.id = m."providerId"
       WHERE m.status = 'LIVE' AND NOT u.banned AND m."gpuModel" LIKE 'H100-%'`);
    await expect(page.getByTestId("stat-cheapest-h100")).toHaveText(germanDollars(BigInt(cheapest?.price ?? "0")));
  } finally {
    await context.close();
  }
});

test("the language switcher turns the marketplace German and remembers it", async ({ page, sql }) => {
  await page.goto("/marketplace?sort=price");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { name: "GPUs for rent" })).toBeVisible();

  await test.step("choosing Deutsch re-renders the page in German", async () => {
    await page.getByLabel("Language").selectOption("de");
    await expect(page.getByRole("heading", { name: "GPUs zur Miete" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
    await expect(page.getByLabel("Sortieren nach")).toBeVisible();
    await expect(page.getByRole("button", { name: "Filter anwenden" })).toBeVisible();
    await expect(page.getByTestId("result-count")).toContainText("Angebote");
  });

  await test.step("prices use the German decimal comma", async () => {
    const [cheapest] = await sql<{ price: string }>(`
      SELECT min("pricePerGpuHour")::text AS price FROM "Machine" m JOIN "User" u ON u.id = m."providerId"
       WHERE m.status = 'LIVE' AND NOT u.banned`);
    await expect(page.getByTestId("listing-price").first()).toHaveText(germanDollars(BigInt(cheapest?.price ?? "0")));
  });

  await test.step("the choice survives a reload and wins over the browser's English", async () => {
    await page.reload();
    await expect(page.getByRole("heading", { name: "GPUs zur Miete" })).toBeVisible();
    await page.getByLabel("Sprache").selectOption("en");
    await expect(page.getByRole("heading", { name: "GPUs for rent" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
  });
});

test("the machine form explains invalid fields in German", async ({ browser, stack }) => {
  const context = await browser.newContext({ baseURL: stack.appUrl });
  try {
    await signInWithApi(context, stack, 3);
    await context.addCookies([{ name: "idlegrid-locale", value: "de", url: stack.appUrl }]);
    const page = await context.newPage();
    await page.goto("/provide/new");
    await expect(page.getByRole("heading", { name: "Maschine anbieten" })).toBeVisible();
    await page.getByLabel("GPU-Anzahl").fill("99");
    await page.getByLabel("Preis pro GPU-Stunde (USDC)").fill("1.2345678");
    await page.getByRole("button", { name: "Zur Prüfung einreichen" }).click();
    const main = page.locator("main");
    await expect(main.getByRole("alert")).toHaveText("Einige Felder müssen korrigiert werden.");
    await expect(page.getByText("Wählen Sie ein GPU-Modell aus der Liste")).toBeVisible();
    await expect(page.getByText("GPU-Anzahl: eine ganze Zahl von 1 bis 16 eingeben")).toBeVisible();
    await expect(page.getByText("Der Preis muss eine Dezimalzahl wie 1.85 mit höchstens 6 Nachkommastellen sein")).toBeVisible();
    await expect(page.getByLabel("GPU-Anzahl")).toHaveValue("99");
  } finally {
    await context.close();
  }
});

test("the job board reads German, with German budgets and dates", async ({ browser, stack }) => {
  const context = await browser.newContext({ baseURL: stack.appUrl, locale: "de-DE" });
  try {
    const page = await context.newPage();
    await page.goto("/jobs");
    await expect(page.getByRole("heading", { level: 1, name: "Trainingsaufträge" })).toBeVisible();
    await expect(page.getByLabel("Sortieren nach")).toBeVisible();
    // The demo seed has open jobs: their budgets use the decimal comma and their deadlines the German date order.
    const card = page.getByTestId("job-card").first();
    await expect(card).toContainText(/bis zu \d{1,3}(\.\d{3})*,\d{2,6} \S+/);
    await expect(card).toContainText(/Angebote bis \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2} UTC/);
  } finally {
    await context.close();
  }
});

test("a broken marketplace link names each parameter's problem in German, and the toast region is labelled in German", async ({
  browser,
  stack,
}) => {
  const context = await browser.newContext({ baseURL: stack.appUrl, locale: "de-DE" });
  try {
    const page = await context.newPage();
    await page.goto("/marketplace?minGpus=x&region=Germany");
    const alert = page.getByRole("main").getByRole("alert");
    await expect(alert).toContainText("minGpus: minGpus muss eine ganze Zahl sein");
    await expect(alert).toContainText("region: muss ein zweistelliger Ländercode wie DE sein");
    await expect(page.getByRole("region", { name: "Benachrichtigungen" })).toBeAttached();
  } finally {
    await context.close();
  }
});
