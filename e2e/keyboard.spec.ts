/**
 * The keyboard alone: the connect dialog opens with Enter, keeps Tab inside, closes with Escape and
 * gives focus back; the machine form is filled and submitted without a mouse.
 */
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures/stack";
import { contextAs } from "./fixtures/main-pages";

/** Presses Tab until `target` has focus, as a keyboard user would; fails if it is not in the tab order. */
async function tabTo(page: Page, target: Locator, maxPresses = 60) {
  for (let i = 0; i < maxPresses; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`not reachable with ${maxPresses} presses of Tab: ${target}`);
}

test("the connect dialog opens with Enter, traps Tab, closes with Escape and returns focus", async ({ page }) => {
  await page.goto("/");
  const opener = page.getByTestId("connect-wallet");
  await tabTo(page, opener);
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Connect a wallet" });
  await expect(dialog).toBeVisible();
  const focusInDialog = () => page.evaluate(() => document.activeElement?.closest("dialog[open]") !== null);
  expect(await focusInDialog()).toBe(true);
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press("Tab");
    expect(await focusInDialog(), `focus left the dialog after ${i + 1} presses of Tab`).toBe(true);
  }
  await page.keyboard.press("Shift+Tab");
  expect(await focusInDialog()).toBe(true);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
});

test("a provider lists a machine with the keyboard alone", async ({ browser, stack, sql }) => {
  const city = `Keyboard ${Date.now().toString(36)}`;
  const context = await contextAs(browser, stack, "provider");
  try {
    const page = await context.newPage();
    await page.goto("/provide/new");
    await tabTo(page, page.getByLabel("GPU model"));
    await page.keyboard.press("ArrowDown");
    const model = await page.getByLabel("GPU model").inputValue();
    expect(model).not.toBe("");
    const fields: [string, string][] = [
      ["GPU count", "2"],
      ["CPU cores", "32"],
      ["RAM (GB)", "256"],
      ["Disk (GB)", "2000"],
      ["Upload (Mbit/s)", "1000"],
      ["Download (Mbit/s)", "1000"],
      ["Country code", "NL"],
      ["City", city],
      ["CUDA version", "12.4"],
      ["Driver version", "550.127"],
      ["Price per GPU-hour (USDC)", "1.25"],
      ["Minimum hours", "1"],
      ["Maximum hours", "100"],
    ];
    for (const [label, value] of fields) {
      await tabTo(page, page.getByLabel(label, { exact: true }), 3);
      await page.keyboard.press("ControlOrMeta+A");
      await page.keyboard.type(value);
    }
    await tabTo(page, page.getByRole("button", { name: "Submit for review" }), 4);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/provide\?notice=submitted/);
    const rows = await sql<{ gpuModel: string; status: string }>(`SELECT "gpuModel", status::text FROM "Machine" WHERE city = $1`, [city]);
    expect(rows).toEqual([{ gpuModel: model, status: "PENDING_REVIEW" }]);
  } finally {
    await context.close();
  }
});

test("a buyer posts a training job with the keyboard alone", async ({ browser, stack, sql }) => {
  const title = `Keyboard job ${Date.now().toString(36)}`;
  const context = await contextAs(browser, stack, "buyer");
  try {
    const page = await context.newPage();
    await page.goto("/jobs/new");
    const typeInto = async (label: string, value: string, maxPresses = 3) => {
      await tabTo(page, page.getByLabel(label, { exact: true }), maxPresses);
      await page.keyboard.press("ControlOrMeta+A");
      await page.keyboard.type(value);
    };
    await typeInto("Title", title, 60);
    await typeInto("Container image", "ghcr.io/acme/train:1.2", 4);
    await typeInto("Command", "python train.py");
    await typeInto("Dataset location", "s3://acme/data/");
    await typeInto("Output location", "s3://acme/out/");
    // Past the GPU model checkboxes (all optional) to the numbers.
    await typeInto("Minimum VRAM per GPU (GB)", "24", 80);
    await typeInto("GPU count", "2");
    await typeInto("Estimated hours", "6", 6);
    await typeInto("Maximum price per GPU-hour", "2.50");
    // The deadline (a datetime-local input: one stop per part) and the draft button come first.
    await tabTo(page, page.getByTestId("job-publish"), 14);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/jobs\/[A-Za-z0-9_-]+(\?|$)/);
    const rows = await sql<{ status: string; gpuCount: number }>(`SELECT status::text, "gpuCount" FROM "Job" WHERE title = $1`, [title]);
    expect(rows).toEqual([{ status: "OPEN", gpuCount: 2 }]);
  } finally {
    await context.close();
  }
});
