/**
 * The machine agent end to end: a provider gets a pairing code in the browser, the real agent CLI
 * (npx tsx agent/main.ts) pairs and runs with the fake nvidia-smi first on PATH, and the listing shows
 * "Verified by agent" and "Online now", in the marketplace's "online now" results too. Killing the agent
 * turns the listing offline within the stack's AGENT_OFFLINE_AFTER_SECONDS, and the provider is told.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "./fixtures/stack";
import { signInWithApi, walletAccount } from "./fixtures/wallet";

const root = path.resolve(import.meta.dirname, "..");

function agentEnv(home: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    IDLEGRID_AGENT_HOME: home,
    IDLEGRID_AGENT_HEARTBEAT_SECONDS: "1",
    // The recorded output of a real one-GPU RTX 4090 host (agent/fixtures/rtx4090).
    IDLEGRID_FAKE_GPU_PROFILE: "rtx4090",
    PATH: `${path.join(root, "agent", "fake")}${path.delimiter}${process.env.PATH ?? ""}`,
  };
}

/** Runs `npx tsx agent/main.ts <args>` in its own process group, collecting its output. */
function agent(args: string[], home: string): { proc: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const proc = spawn("npx", ["tsx", "agent/main.ts", ...args], {
    cwd: root,
    env: agentEnv(home),
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  proc.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  proc.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => proc.once("exit", (code) => resolve(code)));
  return { proc, output: () => output, exited };
}

function killGroup(proc: ChildProcess, signal: NodeJS.Signals) {
  try {
    if (proc.pid !== undefined) process.kill(-proc.pid, signal);
  } catch {
    // already gone
  }
}

test("a provider pairs the agent from the browser; the listing shows it verified and online, then offline once it is killed", async ({
  browser,
  sql,
  stack,
}) => {
  test.setTimeout(150_000);
  const provider = walletAccount(3);
  // The seeded one-GPU RTX 4090 of this provider: what the recorded rtx4090 host really has.
  const [listing] = await sql<{ id: string; city: string }>(
    `SELECT m.id, m.city FROM "Machine" m JOIN "User" u ON u.id = m."providerId"
      WHERE u.address = $1 AND m."gpuModel" = 'RTX-4090' AND m."gpuCount" = 1 AND m.status = 'LIVE' ORDER BY m."createdAt" LIMIT 1`,
    [provider.address],
  );
  expect(listing, "the seed gives this provider a live 1× RTX 4090").toBeDefined();
  const id = listing?.id ?? "";
  const home = mkdtempSync(path.join(os.tmpdir(), "idlegrid-agent-e2e-"));
  const context = await browser.newContext({ baseURL: stack.appUrl });
  let running: ReturnType<typeof agent> | undefined;
  try {
    await signInWithApi(context, stack, 3);
    const page = await context.newPage();

    const code = await test.step("the provider gets a pairing code on the machine's page", async () => {
      await page.goto(`/provide/${id}/edit`);
      await page.getByTestId("agent-panel").getByTestId("connect-agent").click();
      const shown = page.getByTestId("pairing-code");
      await expect(shown).toHaveText(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      await expect(page.getByTestId("pair-command")).toContainText(`--server ${new URL(stack.appUrl).origin}`);
      return (await shown.textContent()) ?? "";
    });

    await test.step("idlegrid-agent pair trades it for the machine's credential", async () => {
      const paired = agent(["pair", code, "--server", stack.appUrl], home);
      expect(await paired.exited, paired.output()).toBe(0);
      expect(paired.output()).toContain(`Paired as machine ${id}`);
    });

    await test.step("idlegrid-agent run: the listing is verified by the agent and online now", async () => {
      running = agent(["run"], home);
      await expect(async () => {
        await page.goto(`/listings/${id}`);
        await expect(page.getByTestId("agent-verified")).toContainText("Verified by agent");
        await expect(page.getByTestId("agent-online")).toHaveText(/Online now/);
      }).toPass({ timeout: 60_000, intervals: [1_000] });
      await expect(page.getByTestId("agent-gpus")).toHaveText("1 × NVIDIA GeForce RTX 4090");
      await expect(page.getByTestId("agent-status")).toHaveText("Online now");

      await page.goto("/marketplace?onlineNow=1&gpu=RTX-4090");
      const row = page.getByTestId("listing-row").filter({ has: page.locator(`a[href="/listings/${id}"]`) });
      await expect(row.getByTestId("agent-online")).toBeVisible();
      await expect(row.getByTestId("agent-uptime")).toContainText("% up (30 d)");
    });

    await test.step("killed, the agent's machine goes offline and the provider is told", async () => {
      if (running) killGroup(running.proc, "SIGKILL");
      await expect(async () => {
        await page.goto(`/listings/${id}`);
        await expect(page.getByTestId("agent-offline")).toHaveText("Offline");
      }).toPass({ timeout: 45_000, intervals: [1_000] });
      await page.goto("/inbox");
      await expect(page.getByTestId("inbox")).toContainText(
        `Your machine “1× RTX 4090, ${listing?.city}” is offline: its agent sent no heartbeat for 8 seconds.`,
      );
    });
  } finally {
    if (running) killGroup(running.proc, "SIGKILL");
    await context.close();
    rmSync(home, { recursive: true, force: true });
  }
});
