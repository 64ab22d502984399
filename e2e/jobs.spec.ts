/**
 * A training job end to end with two wallets on the e2e anvil: the buyer posts a job (after seeing
 * field errors in words), a provider whose machine fits offers on it, the bell tells the buyer, the
 * buyer accepts and pays into escrow, the provider starts, posts progress and completes with a
 * result and checksum, and the buyer releases the payment. Every status change comes from the
 * indexer reading the chain, so the steps wait for the page to show it.
 */
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures/stack";
import { injectWallet, signInThroughUi, signInWithApi } from "./fixtures/wallet";

const RESULT_SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

/** Reloads until `locator` shows `text`: the indexer moves jobs on its own schedule. Never while a wallet transaction is under way. */
async function reloadUntil(page: Page, locator: Locator, text: string) {
  await expect(async () => {
    await page.reload();
    await expect(locator).toHaveText(text, { timeout: 2_000 });
  }).toPass({ timeout: 90_000, intervals: [1_000, 2_000, 3_000] });
}

test("a buyer posts a job, a provider offers, the buyer accepts and pays, the provider runs and completes it, the buyer releases", async ({
  browser,
  sql,
  stack,
}) => {
  test.setTimeout(360_000);
  const title = `Fine-tune e2e ${Date.now().toString(36)}`;
  const buyerContext = await browser.newContext({ baseURL: stack.appUrl });
  const providerContext = await browser.newContext({ baseURL: stack.appUrl });
  const buyer = await buyerContext.newPage();
  const provider = await providerContext.newPage();
  const buyerWallet = await injectWallet(buyer, { rpcUrl: stack.rpcUrl, accountIndex: 2 });
  const providerWallet = await injectWallet(provider, { rpcUrl: stack.rpcUrl, accountIndex: 3 });
  let jobUrl = "";

  try {
    await test.step("the buyer's form names each bad field in words, then the job is published", async () => {
      await buyer.goto("/");
      await signInThroughUi(buyer, buyerWallet);
      await buyer.goto("/jobs");
      await buyer.getByTestId("post-job").click();
      const form = buyer.getByRole("form", { name: "Post a job" });
      await form.getByLabel("Title").fill(title);
      await form.getByLabel("Container image").fill("ubuntu");
      await form.getByLabel("Command").fill("python train.py --epochs 3");
      await form.getByLabel("Dataset location").fill("ftp://data.example/set");
      await form.getByLabel("Output location").fill("s3://acme-e2e/out/");
      await form.getByLabel("Minimum VRAM per GPU (GB)").fill("8");
      await form.getByLabel("Maximum price per GPU-hour").fill("3.00");
      await buyer.getByTestId("job-publish").click();
      await expect(buyer.getByTestId("error-containerImage")).toContainText("tag or digest");
      await expect(buyer.getByTestId("error-datasetUrl")).toContainText("s3://");
      // What was typed survives the round trip.
      await expect(form.getByLabel("Title")).toHaveValue(title);

      await form.getByLabel("Container image").fill("ghcr.io/acme/train:1.2");
      await form.getByLabel("Dataset location").fill("s3://acme-e2e/data/");
      await buyer.getByTestId("job-publish").click();
      await expect(buyer).toHaveURL(/\/jobs\/[A-Za-z0-9_-]+$/);
      await expect(buyer.getByTestId("job-status")).toHaveText("OPEN");
      await expect(buyer.getByTestId("job-budget")).toContainText("up to 3.00");
      jobUrl = new URL(buyer.url()).pathname;
    });

    await test.step("the job is on the public board", async () => {
      await buyer.goto("/jobs?sort=newest");
      await expect(buyer.getByTestId("job-card").filter({ hasText: title })).toBeVisible();
    });

    await test.step("the provider finds it among matching jobs and offers below the maximum", async () => {
      await provider.goto("/");
      await signInThroughUi(provider, providerWallet);
      await provider.goto("/provide");
      await provider.getByTestId("matching-jobs-link").click();
      const card = provider.getByTestId("job-card").filter({ hasText: title });
      await card.getByTestId("offer-on-job").click();
      const form = provider.getByRole("form", { name: "Make an offer" });
      await form.getByLabel("Your price per GPU-hour").fill("9.99");
      await provider.getByTestId("submit-offer").click();
      await expect(provider.getByTestId("form-error")).toBeVisible();
      await expect(provider.getByTestId("error-pricePerGpuHour")).toContainText("at most");
      await form.getByLabel("Your price per GPU-hour").fill("2.80");
      await provider.getByTestId("submit-offer").click();
      await expect(provider.getByTestId("notice")).toContainText("Your offer is sent");
      const mine = provider.getByTestId("my-offer").filter({ hasText: title });
      await expect(mine.getByTestId("my-offer-status")).toHaveText("PENDING");
      await expect(card.getByTestId("offer-on-job")).toHaveCount(0);
    });

    await test.step("the provider withdraws that offer and makes a better one", async () => {
      const mine = provider.getByTestId("my-offer").filter({ hasText: title });
      await mine.getByTestId("withdraw-offer").click();
      await expect(provider.getByTestId("notice")).toContainText("withdrawn");
      await expect(mine.getByTestId("my-offer-status")).toHaveText("WITHDRAWN");
      await provider.getByTestId("job-card").filter({ hasText: title }).getByTestId("offer-on-job").click();
      const form = provider.getByRole("form", { name: "Make an offer" });
      await form.getByLabel("Your price per GPU-hour").fill("2.50");
      await form.getByLabel("Note to the buyer (optional)").fill("Idle overnight, can start right away.");
      await provider.getByTestId("submit-offer").click();
      await expect(provider.getByTestId("notice")).toContainText("Your offer is sent");
      await expect(mine.getByTestId("my-offer-status")).toHaveText(["PENDING", "WITHDRAWN"]);
    });

    await test.step("the bell tells the buyer about the new offer, and opening it marks it read", async () => {
      await buyer.goto("/jobs");
      const bell = buyer.getByTestId("notification-bell");
      await expect(bell).toHaveAccessibleName(/Notifications, \d+ unread/);
      await bell.click();
      const item = buyer.getByTestId("bell-item").filter({ hasText: `New offer on “${title}” at 2.50` });
      await expect(item).toBeVisible();
      await item.click();
      await expect(buyer).toHaveURL(new RegExp(`${jobUrl}$`));
      const notices = await sql<{ price: string; readAt: Date | null }>(
        `SELECT params->>'pricePerGpuHour' AS price, "readAt" FROM "Notification" WHERE kind = 'offer.new' AND params->>'jobTitle' = $1`,
        [title],
      );
      expect(notices.find((n) => n.price === "2500000")?.readAt).not.toBeNull();
      expect(notices.find((n) => n.price === "2800000")?.readAt).toBeNull();
    });

    await test.step("the buyer compares the offer and accepts it, then pays into escrow", async () => {
      await expect(buyer.getByTestId("offer").filter({ hasText: "2.80" })).toHaveAttribute("data-status", "WITHDRAWN");
      const offer = buyer.getByTestId("offer").filter({ hasText: "Idle overnight" });
      await expect(offer.getByTestId("offer-total")).toContainText("2.50");
      await expect(offer.getByTestId("offer-reliability")).toContainText("completed rental");
      await offer.getByTestId("accept-offer").click();
      await expect(buyer.getByTestId("notice")).toContainText("Offer accepted");
      await expect(buyer.getByTestId("job-status")).toHaveText("ACCEPTED");
      await expect(buyer.getByTestId("job-order-status")).toHaveText("PENDING_PAYMENT");
      await buyer.getByTestId("pay-job").click();
      await expect(buyer).toHaveURL(/\/orders\//);
      await buyer.getByTestId("pay-button").click();
      await expect(buyer.getByTestId("order-status")).toHaveText("FUNDED", { timeout: 60_000 });
      await buyer.goto(jobUrl);
      await reloadUntil(buyer, buyer.getByTestId("job-status"), "FUNDED");
      await expect(buyer.getByTestId("timeline-FUNDED")).toHaveAttribute("data-done", "true");
    });

    await test.step("the provider starts the job through the escrow and posts progress", async () => {
      await provider.goto(jobUrl);
      await expect(provider.getByTestId("job-status")).toHaveText("FUNDED");
      await provider.getByTestId("job-start").click();
      // No reloads here: the page waits for the wallet and the indexer itself, then refreshes.
      await expect(provider.getByTestId("job-status")).toHaveText("RUNNING", { timeout: 90_000 });
      await provider.getByLabel("Progress note for the buyer").fill("Epoch 1 of 3 done, loss 0.42");
      await provider.getByTestId("post-progress").click();
      await expect(provider.getByTestId("progress-notes")).toContainText("Epoch 1 of 3 done");
    });

    await test.step("the provider completes with the result and its checksum", async () => {
      await provider.getByLabel("Result location").fill("https://results.example/e2e/model.tar");
      await provider.getByLabel("SHA-256 of the result").fill(RESULT_SHA);
      await provider.getByTestId("job-complete").click();
      await expect(provider.getByTestId("job-status")).toHaveText("COMPLETED", { timeout: 90_000 });
      await expect(provider.getByTestId("job-result-sha")).toHaveText(RESULT_SHA);
    });

    await test.step("the buyer sees progress, result and checksum, and releases the payment", async () => {
      await buyer.goto(jobUrl);
      await expect(buyer.getByTestId("job-status")).toHaveText("COMPLETED");
      await expect(buyer.getByTestId("progress-notes")).toContainText("loss 0.42");
      await expect(buyer.getByTestId("job-result-sha")).toHaveText(RESULT_SHA);
      await buyer.getByTestId("job-order-link").click();
      await buyer.getByTestId("action-release").click();
      await expect(buyer.getByTestId("order-status")).toHaveText("PAID", { timeout: 60_000 });
      await buyer.goto(jobUrl);
      await reloadUntil(buyer, buyer.getByTestId("job-status"), "PAID");
      const [row] = await sql<{ status: string }>(`SELECT status::text FROM "Job" WHERE title = $1`, [title]);
      expect(row?.status).toBe("PAID");
    });
  } finally {
    await buyerContext.close();
    await providerContext.close();
  }
});

test("a buyer saves a draft, edits and publishes it, the board's filters find it, and cancelling takes it off the board", async ({
  browser,
  stack,
}) => {
  const title = `Draft e2e ${Date.now().toString(36)}`;
  const context = await browser.newContext({ baseURL: stack.appUrl });
  await signInWithApi(context, stack, 2);
  const page = await context.newPage();
  const board = (query: string) => page.goto(`/jobs?${query}`);
  const card = page.getByTestId("job-card").filter({ hasText: title });

  try {
    await test.step("the draft is saved and only its buyer sees it", async () => {
      await page.goto("/jobs/new");
      const form = page.getByRole("form", { name: "Post a job" });
      await form.getByLabel("Title").fill(title);
      await form.getByLabel("Framework").selectOption("JAX");
      await form.getByLabel("Container image").fill("ghcr.io/acme/jax-train@sha256:" + "a".repeat(64));
      await form.getByLabel("Command").fill("python -m train");
      await form.getByLabel("Dataset location").fill("gs://acme-e2e/data");
      await form.getByLabel("Output location").fill("gs://acme-e2e/out");
      await form.getByLabel("Minimum VRAM per GPU (GB)").fill("16");
      await form.getByLabel("Regions (optional)").fill("nl");
      await form.getByLabel("Maximum price per GPU-hour").fill("1.00");
      await page.getByTestId("job-save").click();
      await expect(page.getByTestId("job-status")).toHaveText("DRAFT");
      await expect(page.getByTestId("job-budget")).toContainText("up to 1.00");
      await board("framework=JAX&region=NL");
      await expect(card).toHaveCount(0);
    });

    await test.step("an edit changes the budget, and publishing puts it on the board", async () => {
      await page.goto("/jobs/mine");
      await card.getByRole("link", { name: title }).click();
      await page.getByTestId("edit-job").click();
      await page.getByRole("form", { name: "Edit job" }).getByLabel("Estimated hours").fill("3");
      await page.getByTestId("job-save").click();
      await expect(page.getByTestId("job-budget")).toContainText("up to 3.00");
      await page.getByTestId("publish-job").click();
      await expect(page.getByTestId("notice")).toContainText("published");
      await expect(page.getByTestId("job-status")).toHaveText("OPEN");
    });

    await test.step("the board's filters live in the URL", async () => {
      await board("framework=JAX&region=NL&sort=deadline");
      await expect(card).toBeVisible();
      await expect(page.getByLabel("Framework")).toHaveValue("JAX");
      await board("framework=PYTORCH");
      await expect(card).toHaveCount(0);
      await board("minVram=8");
      await expect(card).toHaveCount(0);
      await board("minVram=abc");
      await expect(page.getByTestId("error-minVram")).toContainText("whole number");
    });

    await test.step("cancelling takes it off the board", async () => {
      await page.goto("/jobs/mine");
      await card.getByRole("link", { name: title }).click();
      await page.getByTestId("cancel-job").click();
      await expect(page.getByTestId("job-status")).toHaveText("CANCELLED");
      await expect(page.getByTestId("edit-job")).toHaveCount(0);
      await board("framework=JAX&region=NL");
      await expect(card).toHaveCount(0);
    });
  } finally {
    await context.close();
  }
});
