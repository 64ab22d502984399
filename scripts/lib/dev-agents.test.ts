/**
 * The dev simulation drives the real agent CLI against the real route handlers: demo machines get
 * paired through a code written into the database, `run` reports and beats with the fake nvidia-smi,
 * a second start reuses the stored credential, and a stopped agent's machine goes offline in the sweep.
 * The routes are served by a small node:http bridge, the way `next start` would call them.
 */
import http from "node:http";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { getAddress } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as heartbeat } from "@/app/api/v1/agent/heartbeat/route";
import { POST as pair } from "@/app/api/v1/agent/pair/route";
import { POST as report } from "@/app/api/v1/agent/report/route";
import { db } from "@/lib/core/server/db";
import { sweepAgents } from "@/lib/machines/server/sweeper";
import { demoAccounts } from "@/dev/demo-roster";
import { createMachine } from "@/test/factories";
import { startDevAgents } from "./dev-agents";
import { Supervisor, freePort } from "./supervisor";

const routes: Record<string, (r: Request) => Promise<Response>> = {
  "/api/v1/agent/pair": pair,
  "/api/v1/agent/report": report,
  "/api/v1/agent/heartbeat": heartbeat,
};
let server: http.Server;
let appUrl: string;

beforeAll(async () => {
  const port = await freePort();
  appUrl = `http://127.0.0.1:${port}`;
  server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const route = routes[req.url ?? ""];
    if (!route || req.method !== "POST") return void res.writeHead(404).end();
    const headers = new Headers(
      Object.entries(req.headers).flatMap(([k, v]) => (typeof v === "string" ? [[k, v] as [string, string]] : [])),
    );
    const response = await route(new Request(`${appUrl}${req.url}`, { method: "POST", headers, body: Buffer.concat(chunks) }));
    res.writeHead(response.status, Object.fromEntries(response.headers)).end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("npm run dev's simulated agents", () => {
  it("pair the demo providers' machines through the CLI, beat, and go offline when stopped", async () => {
    // The demo provider of index 3, with a live one-GPU L4 that only this test uses.
    const address = getAddress(demoAccounts.find((a) => a.role === "provider")?.address ?? "");
    const provider = (await db.user.findUnique({ where: { address } })) ?? (await db.user.create({ data: { address } }));
    await db.machine.updateMany({ where: { providerId: provider.id, status: "LIVE" }, data: { status: "PAUSED" } });
    const machine = await createMachine(provider.id, { gpuModel: "L4", gpuCount: 2, createdAt: new Date(0) });
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "idlegrid-dev-agents-"));

    const sup = new Supervisor(path.join(dataDir, "pids.json"));
    try {
      const first = await startDevAgents(sup, { databaseUrl: process.env.DATABASE_URL as string, appUrl, dataDir, count: 1 });
      expect(first).toEqual({ started: 1, flapping: machine.id });
      await expect
        .poll(async () => (await db.machine.findUniqueOrThrow({ where: { id: machine.id } })).onlineNow, { timeout: 60_000, interval: 500 })
        .toBe(true);
      const agent = await db.machineAgent.findUniqueOrThrow({ where: { machineId: machine.id } });
      expect(agent).toMatchObject({ gpuModel: "L4", gpuCount: 2, gpuMemoryMiB: 23034, flags: [] });
      expect((await db.machine.findUniqueOrThrow({ where: { id: machine.id } })).status).toBe("LIVE");
      await sup.stopAll();

      // Restarted: the stored credential still works, so no new pairing.
      const credentials = await db.agentCredential.count({ where: { machineId: machine.id } });
      const again = new Supervisor(path.join(dataDir, "pids.json"));
      await startDevAgents(again, { databaseUrl: process.env.DATABASE_URL as string, appUrl, dataDir, count: 1 });
      await again.stopAll();
      expect(await db.agentCredential.count({ where: { machineId: machine.id } })).toBe(credentials);

      const later = new Date(Date.now() + 10 * 60_000);
      await sweepAgents(later, db, { offlineAfterMs: 120_000 });
      expect((await db.machine.findUniqueOrThrow({ where: { id: machine.id } })).onlineNow).toBe(false);
    } finally {
      await sup.stopAll();
    }
  }, 120_000);
});
