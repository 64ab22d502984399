/**
 * axe-core on every main page and on the open connect dialog: no serious or critical violations of
 * WCAG 2.1 A/AA. Each failure lists the rule, its impact and the first offending elements, so the
 * report says what to fix.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, readStack, test } from "./fixtures/stack";
import { contextAs, prepareMainPages, type MainPage } from "./fixtures/main-pages";

async function seriousViolations(page: Page, include?: string) {
  const builder = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]);
  if (include) builder.include(include);
  const { violations } = await builder.analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(" "))
          .join(" | ")}`,
    );
}

let pages: MainPage[] = [];
test.beforeAll(async ({ browser }) => {
  pages = await prepareMainPages(browser, readStack());
});

const names = [
  "landing",
  "marketplace",
  "listing",
  "jobs board",
  "job",
  "order",
  "buyer dashboard",
  "provider dashboard",
  "my machines",
  "machine form",
  "admin moderation queue",
];

for (const name of names) {
  test(`${name}: no serious or critical accessibility violations`, async ({ browser, stack }) => {
    const target = pages.find((p) => p.name === name);
    if (!target) throw new Error(`no page named ${name}`);
    const context = await contextAs(browser, stack, target.as);
    try {
      const page = await context.newPage();
      const response = await page.goto(target.path);
      expect(response?.status(), `${target.path} should render`).toBe(200);
      await expect(page.locator("main h1").first()).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
}

test("the open connect dialog has no serious or critical accessibility violations", async ({ page }) => {
  await page.goto("/");
  await page.getByTestId("connect-wallet").click();
  const dialog = page.getByRole("dialog", { name: "Connect a wallet" });
  await expect(dialog).toBeVisible();
  expect(await seriousViolations(page, "dialog[open]")).toEqual([]);
});
