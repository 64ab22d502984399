/**
 * `npm run screenshots [-- --build]`: PNGs of the main pages for the README, taken from the running app.
 *
 * Brings up a throw-away stack with a month of demo history (scripts/lib/app-stack.ts; run `npm run build` first, or pass --build
 * to build under the same lock as `npm test`'s build and browser stages), makes an
 * order (paid on the local chain, so the indexer funds it) and a job through the API as the demo
 * buyer, signs in per page as the demo buyer, provider or admin (a real SIWE round trip), and saves
 * 1280×800 screenshots in the light theme, plus the marketplace in the dark theme, to
 * docs/screenshots/. Chromium comes from CHROMIUM_PATH (default /usr/bin/chromium).
 */
import { chromium } from "@playwright/test";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { THEME_COOKIE } from "../components/theme/theme-preference";
import { contextAs, prepareMainPages, type MainPage } from "../e2e/fixtures/main-pages";
import { startAppStack } from "./lib/app-stack";
import { root } from "./lib/services";

const outDir = path.join(root, "docs", "screenshots");
const VIEWPORT = { width: 1280, height: 800 };

const fileName = (page: MainPage, theme: string) => `${page.name.replaceAll(" ", "-")}${theme === "dark" ? "-dark" : ""}.png`;

async function main() {
  mkdirSync(outDir, { recursive: true });
  console.log("Starting a throw-away stack (PGlite, anvil, demo seed, indexer, next start)…");
  const { values } = parseArgs({ options: { build: { type: "boolean", default: false } } });
  const stack = await startAppStack("screenshots", { indexer: true, build: values.build, history: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu"],
  });
  try {
    const pages = await prepareMainPages(browser, stack, { pay: true });
    const shots: [MainPage, "light" | "dark"][] = pages.map((p) => [p, "light"]);
    const marketplace = pages.find((p) => p.name === "marketplace");
    if (marketplace) shots.push([marketplace, "dark"]);
    for (const [target, theme] of shots) {
      const context = await contextAs(browser, stack, target.as, { viewport: VIEWPORT, colorScheme: theme, locale: "en-US" });
      await context.addCookies([{ name: THEME_COOKIE, value: theme, url: stack.appUrl }]);
      try {
        const page = await context.newPage();
        // Not "networkidle": the wallet's balance polling keeps the network busy for as long as the page is open.
        const response = await page.goto(target.path, { waitUntil: "load" });
        if (response?.status() !== 200) {
          console.log(`skipped ${target.name}: ${target.path} answered ${response?.status()}`);
          continue;
        }
        if (target.name === "order") {
          // Paid above: wait for the indexer so the page shows a funded order, not one waiting for payment.
          for (let i = 0; i < 30 && !(await page.getByTestId("order-status").textContent())?.includes("FUNDED"); i++) {
            await page.waitForTimeout(1_000);
            await page.reload({ waitUntil: "load" });
          }
        }
        await page.locator("main h1").first().waitFor();
        // Client leaves (the wallet button, charts' tooltips) settle after hydration.
        await page.waitForTimeout(1_500);
        const file = path.join(outDir, fileName(target, theme));
        await page.screenshot({ path: file, animations: "disabled" });
        console.log(`saved ${path.relative(root, file)}`);
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
