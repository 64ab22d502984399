/**
 * A webhook receiver for tests: a real node:http server on 127.0.0.1 that records each request and
 * answers with the next status of a script (200 once the script runs out), and the README's
 * verification snippet, loaded from the README itself so the documented code is the tested code.
 */
import { mkdtemp, writeFile } from "node:fs/promises";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { readFileSync } from "node:fs";

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Receiver {
  url: string;
  received: Received[];
  /** Statuses to answer with, in order; 200 after the last. */
  script: number[];
  /** Resolves once `count` requests have arrived. */
  waitFor(count: number, timeoutMs?: number): Promise<Received[]>;
  close(): Promise<void>;
}

export async function startReceiver(script: number[] = []): Promise<Receiver> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(receiver.script.shift() ?? 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const receiver: Receiver = {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    script,
    async waitFor(count, timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > until) throw new Error(`the receiver got ${received.length} of ${count} deliveries`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return received;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  return receiver;
}

type Verify = (
  secret: string,
  headers: IncomingHttpHeaders,
  body: string,
  toleranceSeconds?: number,
) => { type: string; timestamp: string; data: Record<string, unknown> };

/** The `verify-webhook.mjs` block of README.md's "Scripting Idlegrid", imported as a module. */
export async function readmeVerifier(): Promise<Verify> {
  const readme = readFileSync(path.join(import.meta.dirname, "..", "README.md"), "utf8");
  const block = /```js\n(\/\/ verify-webhook\.mjs[\s\S]*?)```/.exec(readme)?.[1];
  if (!block) throw new Error("README.md has no verify-webhook.mjs block");
  const file = path.join(await mkdtemp(path.join(os.tmpdir(), "verify-webhook-")), "verify-webhook.mjs");
  await writeFile(file, block);
  const snippet = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as { verifyWebhook: Verify };
  return snippet.verifyWebhook;
}
