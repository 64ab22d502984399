/**
 * Light and dark: the system decides until the visitor picks a theme; the pick is applied at
 * once, sent to the server as a cookie and rendered into the HTML, so a reload paints it first time.
 */
import { expect, test } from "./fixtures/stack";

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
