/**
 * The "done means", as real `idlegrid` processes: with an API key made through the API (as
 * the Account page does), a script searches the cheapest 24 GB GPU, rents it for 2 hours, pays from
 * an anvil key, and waits until `status` shows FUNDED; a local receiver gets the signed order.funded
 * webhook and verifies it with the README's snippet; revoking the key makes the next call fail clearly.
 * The server is the real route handlers behind node:http (test/route-server.ts), on the real database
 * and anvil; the indexer and the webhook worker run here, as the indexer process would.
 */
import { spawn } from "node:child_process";
import { mkdtemp, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/core/server/db";
import { deliverDue } from "@/lib/webhooks/server/worker";
import { appUrl, signedInHeaders } from "@/test/auth";
import { createMachine, createUser } from "@/test/factories";
import { fundedWallet, indexer } from "@/test/payments";
import { startRouteServer, type RouteServer } from "@/test/route-server";
import { readmeVerifier, startReceiver, type Receiver } from "@/test/webhook-receiver";
import { generatePrivateKey } from "viem/accounts";

const bin = path.resolve(import.meta.dirname, "bin", "idlegrid.mjs");

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** One CLI invocation as a shell script makes it: its own process, env and (empty) stdin. */
function idlegrid(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: path.resolve(import.meta.dirname, ".."),
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout: stdout.trim(), stderr: stderr.trim() }));
  });
}

let server: RouteServer;
let receiver: Receiver;
let background: NodeJS.Timeout | undefined;
let busy = false;

beforeAll(async () => {
  server = await startRouteServer(appUrl.origin);
  receiver = await startReceiver();
  // The indexer process's two loops: read the chain, send what the outbox holds.
  const chain = indexer();
  background = setInterval(() => {
    if (busy) return;
    busy = true;
    chain
      .tick()
      .then(() => deliverDue({ db }))
      .catch(() => undefined) // a failed tick is retried on the next one, as in runIndexer
      .finally(() => (busy = false));
  }, 250);
});

afterAll(async () => {
  clearInterval(background);
  await Promise.all([server?.close(), receiver?.close()]);
});

describe("the idlegrid CLI against the app", () => {
  it("rents the cheapest 24 GB GPU, pays from an anvil key, waits for FUNDED, gets the signed webhook, and stops when the key is revoked", async () => {
    // A region of its own keeps listings of other test files out of "the cheapest".
    const provider = await createUser();
    const region = "ZQ";
    await createMachine(provider.id, { gpuModel: "RTX-A4000", vramGb: 16, pricePerGpuHour: "100000", country: region }); // cheaper, too small
    const target = await createMachine(provider.id, { gpuModel: "RTX-3090", vramGb: 24, pricePerGpuHour: "300000", country: region });
    await createMachine(provider.id, { gpuModel: "RTX-4090", vramGb: 24, pricePerGpuHour: "450000", country: region });

    // The buyer's anvil key: a throw-away test key with test tokens, as `npm run dev`'s demo buyer has.
    const buyerKey = generatePrivateKey();
    const wallet = await fundedWallet(buyerKey);
    const buyer = await createUser({ address: wallet.account.address });
    const browser = await signedInHeaders(buyer.id);
    const { POST: createKey } = await import("@/app/api/v1/me/api-keys/route");
    const key = await (
      await createKey(
        new Request(`${appUrl.origin}/api/v1/me/api-keys`, {
          method: "POST",
          headers: browser,
          body: JSON.stringify({ name: "script", scopes: ["read", "orders"] }),
        }),
        { params: Promise.resolve({}) },
      )
    ).json();
    const { POST: addHook } = await import("@/app/api/v1/me/webhooks/route");
    const hook = await (
      await addHook(
        new Request(`${appUrl.origin}/api/v1/me/webhooks`, {
          method: "POST",
          headers: browser,
          body: JSON.stringify({ url: receiver.url, events: ["order.funded"] }),
        }),
        { params: Promise.resolve({}) },
      )
    ).json();

    const configDir = path.join(await mkdtemp(path.join(os.tmpdir(), "idlegrid-cli-")), "config");
    const env = {
      IDLEGRID_CONFIG_DIR: configDir,
      IDLEGRID_API_KEY: key.secret,
      IDLEGRID_PRIVATE_KEY: buyerKey,
      IDLEGRID_RPC_URL: process.env.RPC_URL!,
    };

    const login = await idlegrid(["login", "--server", server.url], env);
    expect(login, login.stderr).toMatchObject({ code: 0 });
    expect((await stat(path.join(configDir, "config.json"))).mode & 0o777).toBe(0o600);
    expect((await stat(configDir)).mode & 0o777).toBe(0o700);
    // From here on only the saved config speaks for the user.
    const script = {
      IDLEGRID_CONFIG_DIR: configDir,
      IDLEGRID_PRIVATE_KEY: env.IDLEGRID_PRIVATE_KEY,
      IDLEGRID_RPC_URL: env.IDLEGRID_RPC_URL,
    };

    const found = await idlegrid(["search", "--min-vram", "24", "--region", region, "--sort", "price", "--limit", "1", "--quiet"], script);
    expect(found, found.stderr).toMatchObject({ code: 0, stdout: target.id });

    const rented = await idlegrid(["rent", found.stdout, "--hours", "2", "--quiet"], script);
    expect(rented.code, rented.stderr).toBe(0);
    const orderId = rented.stdout;
    expect(await db.order.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({
      buyerId: buyer.id,
      listingId: target.id,
      hours: 2,
      status: "PENDING_PAYMENT",
    });

    const paid = await idlegrid(["pay", orderId], script);
    expect(paid.code, paid.stderr).toBe(0);
    expect(paid.stderr).toMatch(/0x[0-9a-f]{64}/);

    const watched = await idlegrid(["status", orderId, "--watch", "--until", "FUNDED", "--interval", "1", "--timeout", "90"], script);
    expect(watched.code, watched.stderr).toBe(0);
    expect(watched.stdout.split("\n").at(-1)).toMatch(/FUNDED$/);

    // The webhook: signed, and verified by the README's snippet with the endpoint's secret.
    const verify = await readmeVerifier();
    const [delivery] = await receiver.waitFor(1, 20_000);
    const event = verify(hook.secret, delivery!.headers, delivery!.body);
    expect(event).toMatchObject({ type: "order.funded", data: { orderId, status: "FUNDED", buyer: wallet.account.address } });

    // Revoked in the browser: the next call fails with one clear line and exit code 3.
    const { DELETE: revoke } = await import("@/app/api/v1/me/api-keys/[id]/route");
    await revoke(new Request(`${appUrl.origin}/api/v1/me/api-keys/${key.id}`, { method: "DELETE", headers: browser }), {
      params: Promise.resolve({ id: key.id }),
    });
    const refused = await idlegrid(["status", orderId], script);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(/^idlegrid: the server refused the API key \(401 key_revoked\): /);
    expect(refused.stderr.split("\n")).toHaveLength(1);
  }, 240_000);
});
