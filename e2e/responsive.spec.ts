/**
 * Every main page at 375 × 812 (a small phone): nothing wider than the screen (the page never scrolls
 * sideways; wide tables scroll inside their own container) and the main navigation is on screen.
 */
import type { Page } from "@playwright/test";
import { expect, readStack, test } from "./fixtures/stack";
import { contextAs, prepareMainPages, type MainPage } from "./fixtures/main-pages";

const PHONE = { width: 375, height: 812 };

/** The elements that stick out past the right edge, for a failure message that says what to fix. */
function overflowingElements(page: Page) {
  return page.evaluate((width) => {
    const out: string[] = [];
    for (const el of document.body.querySelectorAll("*")) {
      const rect = el.getBoundingClientRect();
      if (rect.right > width + 0.5 && !el.closest("[data-scroll-x]")) {
        out.push(
          `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}.${String(el.className).split(" ").slice(0, 3).join(".")} right=${Math.round(rect.right)}`,
        );
      }
    }
    return out.slice(0, 5);
  }, PHONE.width);
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
  test(`${name} fits 375 px without sideways scrolling and shows the navigation`, async ({ browser, stack }) => {
    const target = pages.find((p) => p.name === name);
    if (!target) throw new Error(`no page named ${name}`);
    const context = await contextAs(browser, stack, target.as, { viewport: PHONE, isMobile: true, hasTouch: true });
    try {
      const page = await context.newPage();
      const response = await page.goto(target.path);
      expect(response?.status(), `${target.path} should render`).toBe(200);
      await expect(page.locator("main h1").first()).toBeVisible();
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(scrollWidth <= PHONE.width ? [] : await overflowingElements(page), `scrollWidth ${scrollWidth}`).toEqual([]);
      const nav = page.getByRole("navigation", { name: "Main" });
      for (const link of ["Marketplace", "Jobs", "Provide"])
        await expect(nav.getByRole("link", { name: link })).toBeInViewport({ ratio: 1 });
    } finally {
      await context.close();
    }
  });
}

/** The first screen of a phone shows results, not a column of filters; the filters are one tap away. */
const filterPages = [
  { name: "marketplace", path: "/marketplace", firstResult: "listing-row", summary: "Filters", field: "Min GPUs", apply: "Apply filters" },
  { name: "jobs board", path: "/jobs", firstResult: "job-card", summary: "Filter jobs", field: "My GPU's VRAM (GB)", apply: "Apply" },
];

for (const { name, path, firstResult, summary, field, apply } of filterPages) {
  test(`${name} at 375 px shows the first result on the first screen and the filters behind a button`, async ({ browser, stack }) => {
    const context = await contextAs(browser, stack, undefined, { viewport: PHONE, isMobile: true, hasTouch: true });
    try {
      const page = await context.newPage();
      await page.goto(path);
      const toggle = page.getByTestId("small-screen-disclosure").locator("summary");
      await test.step("the results come first, whole, without scrolling", async () => {
        const first = page.getByTestId(firstResult).first();
        await expect(first.getByRole("link").first()).toBeInViewport({ ratio: 1 });
        // Its whole height; a table row may still run past the right edge inside its own scrolling container.
        const box = await first.boundingBox();
        expect(box && box.y >= 0 && box.y + box.height <= PHONE.height, `first result at ${JSON.stringify(box)}`).toBe(true);
        if (name === "marketplace") await expect(page.getByTestId("result-count")).toBeInViewport({ ratio: 1 });
        await expect(page.getByLabel(field, { exact: true })).toBeHidden();
        await expect(toggle).toHaveText(summary);
      });
      await test.step("the button opens the filters", async () => {
        await toggle.click();
        await expect(page.getByLabel(field, { exact: true })).toBeVisible();
        await expect(page.getByRole("button", { name: apply, exact: true })).toBeVisible();
      });
    } finally {
      await context.close();
    }
  });

  test(`${name} on a wide screen shows its filters without the button`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByLabel(field, { exact: true })).toBeVisible();
    await expect(page.getByTestId("small-screen-disclosure").locator("summary")).toBeHidden();
  });
}
