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
        out.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}.${String(el.className).split(" ").slice(0, 3).join(".")} right=${Math.round(rect.right)}`);
      }
    }
    return out.slice(0, 5);
  }, PHONE.width);
}

let pages: MainPage[] = [];
test.beforeAll(async ({ browser }) => {
  pages = await prepareMainPages(browser, readStack());
});

const names = ["landing", "marketplace", "listing", "jobs board", "job", "order", "buyer dashboard", "provider dashboard", "my machines", "machine form", "admin moderation queue"];

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
      for (const link of ["Marketplace", "Jobs", "Provide"]) await expect(nav.getByRole("link", { name: link })).toBeInViewport({ ratio: 1 });
    } finally {
      await context.close();
    }
  });
}
