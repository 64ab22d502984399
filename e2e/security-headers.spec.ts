/**
 * The Content-Security-Policy holds in a real browser: every page gets its own nonce, every script the
 * server renders carries it, and walking the site, signing in with the dev wallet (whose code loads after
 * hydration) and opening the connect dialog raises no CSP violation. Framing is refused everywhere.
 */
import { expect, test } from "./fixtures/stack";

test("pages carry a nonce CSP that Next's scripts satisfy, and nothing is blocked", async ({ page, request }) => {
  const violations: string[] = [];
  page.on("console", (msg) => {
    if (/Content Security Policy|Refused to (load|execute|connect|frame|apply)/i.test(msg.text())) violations.push(msg.text());
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`),
    );
  });

  await test.step("each response has its own nonce, on every script tag the server rendered", async () => {
    const nonces = new Set<string>();
    for (const path of ["/", "/marketplace"]) {
      const res = await request.get(path);
      const policy = res.headers()["content-security-policy"] ?? "";
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).toContain("'strict-dynamic'");
      const nonce = /'nonce-([^']+)'/.exec(policy)?.[1] ?? "";
      expect(nonce).not.toBe("");
      nonces.add(nonce);
      const scripts = (await res.text()).match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag, tag).toContain(`nonce="${nonce}"`);
      expect(res.headers()["x-content-type-options"]).toBe("nosniff");
      expect(res.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
      expect(res.headers()["x-frame-options"]).toBe("DENY");
    }
    expect(nonces.size).toBe(2);
    const api = await request.get("/api/health");
    expect(api.headers()["x-content-type-options"]).toBe("nosniff");
  });

  await test.step("the site works under the policy: navigation, the wallet island, the dev wallet sign-in", async () => {
    await page.goto("/");
    await page
      .getByRole("link", { name: /marketplace/i })
      .first()
      .click();
    await expect(page).toHaveURL(/\/marketplace/);
    await page.getByTestId("connect-wallet").click();
    await page.getByRole("button", { name: "Dev wallet: Bea (buyer)" }).click();
    await expect(page.getByTestId("wallet-role")).toHaveText("Signed in");
    await page.goto("/dashboard");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  });

  expect(violations).toEqual([]);
});
