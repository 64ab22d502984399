/**
 * Light and dark: the system decides until the visitor picks a theme; the pick is applied at
 * once, sent to the server as a cookie and rendered into the HTML, so a reload paints it first time.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures/stack";
import { signInWithApi } from "./fixtures/wallet";

const WHITE = "rgb(255, 255, 255)";
const INK = "rgb(11, 18, 32)"; // --color-ink-950, the dark background

test("the theme follows the system until a choice is made, and the choice persists", async ({ page }) => {
  const html = page.locator("html");
  const background = () => page.locator("body").evaluate((body) => getComputedStyle(body).backgroundColor);

  await test.step("System follows prefers-color-scheme", async () => {
    await page.emulateMedia({ colorScheme: "light" });
    await page.goto("/");
    await expect(page.getByLabel("Theme")).toHaveValue("system");
    await expect(html).not.toHaveAttribute("data-theme", /.*/);
    expect(await background()).toBe(WHITE);
    await page.emulateMedia({ colorScheme: "dark" });
    await expect.poll(background).toBe(INK);
  });

  await test.step("Light overrides a dark system", async () => {
    await page.getByLabel("Theme").selectOption("light");
    await expect(html).toHaveAttribute("data-theme", "light");
    await expect.poll(background).toBe(WHITE);
  });

  await test.step("Dark overrides a light system, and is in the server's HTML after a reload", async () => {
    await page.emulateMedia({ colorScheme: "light" });
    await page.getByLabel("Theme").selectOption("dark");
    await expect(html).toHaveAttribute("data-theme", "dark");
    await expect.poll(background).toBe(INK);
    // The page request carries the browser's cookies: the first byte of HTML already has the theme, so nothing flashes.
    const served = await (await page.request.get("/marketplace")).text();
    expect(served).toMatch(/<html[^>]*data-theme="dark"/);
    await page.reload();
    await expect(html).toHaveAttribute("data-theme", "dark");
    await expect(page.getByLabel("Theme")).toHaveValue("dark");
    expect(await background()).toBe(INK);
  });

  await test.step("back to System drops the override", async () => {
    await page.getByLabel("Theme").selectOption("system");
    await expect(html).not.toHaveAttribute("data-theme", /.*/);
    await expect.poll(background).toBe(WHITE);
    await page.reload();
    await expect(html).not.toHaveAttribute("data-theme", /.*/);
  });
});

test("both themes keep WCAG AA colour contrast on the main public pages and the machine form", async ({ browser, stack }) => {
  const [listing] = await (async () => {
    const context = await browser.newContext({ baseURL: stack.appUrl });
    const page = await context.newPage();
    await page.goto("/marketplace");
    const href = await page.getByTestId("listing-row").first().getByRole("link").getAttribute("href");
    await context.close();
    return [href ?? "/marketplace"];
  })();
  for (const theme of ["light", "dark"] as const) {
    const context = await browser.newContext({ baseURL: stack.appUrl, colorScheme: theme === "dark" ? "light" : "dark" });
    try {
      // The cookie, not the system, picks the theme: each pass runs against the opposite system setting.
      await context.addCookies([{ name: "idlegrid-theme", value: theme, url: stack.appUrl }]);
      await signInWithApi(context, stack, 3);
      const page = await context.newPage();
      for (const path of ["/", "/marketplace", listing, "/provide/new"]) {
        await test.step(`${theme}: ${path}`, async () => {
          await page.goto(path);
          await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
          const { violations } = await new AxeBuilder({ page }).withRules(["color-contrast"]).analyze();
          // Soft, so one run reports every page of both themes.
          expect
            .soft(
              violations.flatMap((v) =>
                v.nodes.slice(0, 5).map((n) => `${n.target.join(" ")}: ${n.failureSummary?.split("\n").at(-1)?.trim()}`),
              ),
            )
            .toEqual([]);
        });
      }
    } finally {
      await context.close();
    }
  }
});
