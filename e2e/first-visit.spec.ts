/**
 * What a first visit shows besides the pages themselves: the header offers the admin console to
 * admins only, every main page has its own title and description (in the visitor's language) and a
 * link card, the icons, manifest and card image are served, and a wrong URL gets a styled 404 in
 * English or German with a way home.
 */
import AxeBuilder from "@axe-core/playwright";
import type { APIResponse, Browser, BrowserContext, Page } from "@playwright/test";
import { de } from "../lib/i18n/messages/de";
import { en } from "../lib/i18n/messages/en";
import { LOCALE_COOKIE } from "../lib/i18n/locales";
import { expect, readStack, test, type Stack } from "./fixtures/stack";
import { contextAs, prepareMainPages, type MainPage } from "./fixtures/main-pages";

/** Width and height from a PNG's IHDR chunk. */
async function pngSize(res: APIResponse): Promise<{ width: number; height: number }> {
  const bytes = await res.body();
  expect(bytes.subarray(1, 4).toString("latin1"), "a PNG signature").toBe("PNG");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

async function germanContext(browser: Browser, stack: Stack): Promise<BrowserContext> {
  const context = await contextAs(browser, stack, undefined);
  await context.addCookies([{ name: LOCALE_COOKIE, value: "de", url: stack.appUrl }]);
  return context;
}

const head = (page: Page) => ({
  description: () => page.locator('meta[name="description"]').getAttribute("content"),
  og: (property: string) => page.locator(`meta[property="og:${property}"]`).getAttribute("content"),
});

test.describe("the header", () => {
  for (const [as, sees] of [
    [undefined, false],
    ["buyer", false],
    ["provider", false],
    ["admin", true],
  ] as const) {
    test(`${as ?? "an anonymous visitor"} ${sees ? "sees" : "does not see"} the Admin link`, async ({ browser, stack }) => {
      const context = await contextAs(browser, stack, as);
      try {
        const page = await context.newPage();
        await page.goto("/marketplace");
        const nav = page.getByRole("navigation", { name: "Main" });
        await expect(nav.getByRole("link", { name: "Marketplace" })).toBeVisible();
        if (sees) {
          await nav.getByRole("link", { name: "Admin", exact: true }).click();
          await expect(page).toHaveURL(/\/admin$/);
          await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        } else {
          await expect(nav.getByRole("link", { name: "Admin", exact: true })).toHaveCount(0);
        }
      } finally {
        await context.close();
      }
    });
  }
});

test.describe("titles, descriptions and link cards", () => {
  let pages: MainPage[] = [];
  test.beforeAll(async ({ browser }) => {
    pages = await prepareMainPages(browser, readStack());
  });

  test("every main page has its own title and description, and a card with the Open Graph image", async ({ browser, stack }) => {
    const descriptions = new Set<string>(Object.values(en.pageMeta));
    for (const target of pages) {
      await test.step(target.name, async () => {
        const context = await contextAs(browser, stack, target.as);
        try {
          const page = await context.newPage();
          expect((await page.goto(target.path))?.status()).toBe(200);
          const title = await page.title();
          const description = await head(page).description();
          if (target.path === "/") {
            expect(title).toBe(en.meta.title);
            expect(description).toBe(en.meta.description);
          } else {
            // A page's own title in the layout's template, not the site's default; a description of its own.
            expect(title).toMatch(/^\S.* · Idlegrid$/);
            expect(descriptions.has(description ?? ""), `${target.path}: "${description}"`).toBe(true);
          }
          expect(await head(page).og("title")).toBe(title);
          expect(await head(page).og("description")).toBe(description);
          expect(await head(page).og("image")).toBe(new URL("/og-image.png", stack.appUrl).href);
        } finally {
          await context.close();
        }
      });
    }
  });

  test("titles and descriptions are German for a German visitor", async ({ browser, stack }) => {
    const context = await germanContext(browser, stack);
    try {
      const page = await context.newPage();
      await page.goto("/marketplace");
      await expect(page).toHaveTitle(`${de.marketplace.title} · Idlegrid`);
      expect(await head(page).description()).toBe(de.pageMeta.marketplace);
      expect(await head(page).og("locale")).toBe("de_DE");
      await page.goto("/");
      await expect(page).toHaveTitle(de.meta.title);
      expect(await head(page).description()).toBe(de.meta.description);
    } finally {
      await context.close();
    }
  });
});

test("the favicon, app icons, manifest and Open Graph image are served and linked from every page", async ({ page }) => {
  await page.goto("/jobs");
  // Linked from the page's head, wherever Next resolves the address to.
  for (const [selector, path] of [
    ['link[rel="icon"][sizes="48x48"]', "/favicon.ico"],
    ['link[rel="icon"][type="image/svg+xml"]', "/icon.svg"],
    ['link[rel="apple-touch-icon"]', "/apple-touch-icon.png"],
    ['link[rel="manifest"]', "/manifest.webmanifest"],
  ] as const) {
    const href = await page.locator(selector).getAttribute("href");
    expect(new URL(href ?? "", page.url()).pathname, selector).toBe(path);
  }

  const favicon = await page.request.get("/favicon.ico");
  expect(favicon.status()).toBe(200);
  // An .ico header: reserved 0, type 1 (icon), then how many images.
  expect([...(await favicon.body()).subarray(0, 4)]).toEqual([0, 0, 1, 0]);
  const svg = await page.request.get("/icon.svg");
  expect(svg.status()).toBe(200);
  expect(svg.headers()["content-type"]).toContain("image/svg+xml");

  const og = await page.request.get("/og-image.png");
  expect(og.status()).toBe(200);
  expect(await pngSize(og)).toEqual({ width: 1200, height: 630 });

  const manifest = await page.request.get("/manifest.webmanifest");
  expect(manifest.status()).toBe(200);
  const { name, icons } = (await manifest.json()) as { name: string; icons: { src: string; sizes: string }[] };
  expect(name).toBe("Idlegrid");
  expect(icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]));
  for (const icon of [...icons, { src: "/apple-touch-icon.png", sizes: "180x180" }]) {
    const res = await page.request.get(icon.src);
    expect(res.status(), icon.src).toBe(200);
    const [w, h] = icon.sizes.split("x").map(Number);
    expect(await pngSize(res), icon.src).toEqual({ width: w, height: h });
  }
});

test.describe("a URL that leads nowhere", () => {
  const unknown = `/no-such-page-${Date.now().toString(36)}`;

  test("answers 404 with the styled page in English, a way home and no accessibility violations", async ({ page }) => {
    const response = await page.goto(unknown);
    expect(response?.status()).toBe(404);
    const notFound = page.getByTestId("not-found");
    await expect(notFound.getByRole("heading", { level: 1 })).toHaveText(en.errors.notFoundTitle);
    await expect(notFound).toContainText(en.errors.notFoundBody);
    await expect(page).toHaveTitle(`${en.errors.notFoundTitle} · Idlegrid`);
    // Inside the site's layout (header and navigation) and styled by its kit, not Next's bare default.
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
    const home = notFound.getByRole("link", { name: en.errors.home });
    await expect(home).toHaveCSS("background-color", "rgb(4, 120, 87)");
    const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
    await home.click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(en.landing.title);
  });

  test("is German for a German visitor", async ({ browser, stack }) => {
    const context = await germanContext(browser, stack);
    try {
      const page = await context.newPage();
      expect((await page.goto(unknown))?.status()).toBe(404);
      await expect(page.locator("html")).toHaveAttribute("lang", "de");
      const notFound = page.getByTestId("not-found");
      await expect(notFound.getByRole("heading", { level: 1 })).toHaveText(de.errors.notFoundTitle);
      await expect(notFound).toContainText(de.errors.notFoundBody);
      await expect(page).toHaveTitle(`${de.errors.notFoundTitle} · Idlegrid`);
      await notFound.getByRole("link", { name: de.errors.home }).click();
      await expect(page.getByRole("heading", { level: 1 })).toContainText(de.landing.title);
    } finally {
      await context.close();
    }
  });

  test("a page's own notFound() (a listing that does not exist, the admin console for a buyer) shows the same page", async ({
    browser,
    stack,
  }) => {
    const context = await contextAs(browser, stack, "buyer");
    try {
      const page = await context.newPage();
      for (const path of ["/listings/does-not-exist", "/admin"]) {
        expect((await page.goto(path))?.status(), path).toBe(404);
        await expect(page.getByTestId("not-found").getByRole("heading", { level: 1 }), path).toHaveText(en.errors.notFoundTitle);
      }
    } finally {
      await context.close();
    }
  });
});
