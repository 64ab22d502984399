/**
 * The agent as a provider runs it: a child process with the fake nvidia-smi first on PATH, a fake
 * Docker socket, and a stub of the app's agent API on 127.0.0.1 that records every request. The
 * stub stands in for endpoints written elsewhere; what is asserted here is the agent's side of the
 * protocol: paths, bodies, auth header, cadence, and stopping on 401.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm, stat } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { heartbeatRequestSchema, pairRequestSchema, reportRequestSchema } from "./protocol";

const repo = path.join(import.meta.dirname, "..");
const credential = "igm_live_0123456789abcdef0123456789abcdef";

interface Recorded {
  path: string;
  auth: string | undefined;
  body: unknown;
  at: number;
}

/** The app's agent API, reduced to recording requests and answering as told. */
function stubServer() {
  const requests: Recorded[] = [];
  const state = { revoked: false, reportFailuresLeft: 0 };
  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (c: Buffer) => (raw += c.toString()));
    req.on("end", () => {
      requests.push({ path: req.url ?? "", auth: req.headers.authorization, body: JSON.parse(raw || "null"), at: Date.now() });
      const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
        res.writeHead(status, { "Content-Type": "application/json", ...headers }).end(JSON.stringify(body));
      if (req.url === "/api/v1/agent/pair") return json(201, { machineId: "cm_machine_1", listingId: "cm_listing_1", credential });
      if (req.headers.authorization !== `Bearer ${credential}` || state.revoked) return json(401, { error: "credential revoked" });
      if (req.url === "/api/v1/agent/report" && state.reportFailuresLeft-- > 0)
        return json(503, { error: "restarting" }, { "Retry-After": "1" });
      if (req.url === "/api/v1/agent/report" || req.url === "/api/v1/agent/heartbeat") return res.writeHead(204).end();
      json(404, { error: "not found" });
    });
  });
  return { server, requests, state };
}

function fakeDocker(socketPath: string): Promise<http.Server> {
  const server = http.createServer((_req, res) =>
    res.writeHead(200, { "Content-Type": "application/json" }).end('{"Version":"27.3.1","ApiVersion":"1.47"}'),
  );
  return new Promise((resolve) => server.listen(socketPath, () => resolve(server)));
}

interface Agent {
  child: ChildProcess;
  stdout: string[];
  stderr: () => string;
  exited: Promise<number | null>;
}

function startAgent(args: string[], env: Record<string, string>): Agent {
  // NODE_ENV is a required key of Next's ProcessEnv type; the agent itself never reads it.
  const child = spawn(process.execPath, [path.join(repo, "agent/bin/idlegrid-agent.mjs"), ...args], {
    cwd: repo,
    env: { ...env, NODE_ENV: "test" as const },
  });
  const stdout: string[] = [];
  let buffered = "";
  let stderr = "";
  child.stdout?.on("data", (c: Buffer) => {
    buffered += c.toString();
    const lines = buffered.split("\n");
    buffered = lines.pop() ?? "";
    stdout.push(...lines);
  });
  child.stderr?.on("data", (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.on("exit", (code) => {
      if (buffered) stdout.push(buffered);
      resolve(code);
    }),
  );
  return { child, stdout, stderr: () => stderr, exited };
}

async function waitFor(what: string, condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("idlegrid-agent as a child process", () => {
  let tmp: string;
  let stub: ReturnType<typeof stubServer>;
  let docker: http.Server;
  let server: string;
  let env: Record<string, string>;
  const running: Agent[] = [];

  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), "idlegrid-agent-it-"));
    stub = stubServer();
    await new Promise<void>((r) => stub.server.listen(0, "127.0.0.1", r));
    server = `http://127.0.0.1:${(stub.server.address() as AddressInfo).port}`;
    docker = await fakeDocker(path.join(tmp, "docker.sock"));
    env = {
      PATH: `${path.join(repo, "agent/fake")}:${process.env.PATH ?? ""}`,
      HOME: tmp,
      IDLEGRID_AGENT_HOME: path.join(tmp, "home"),
      IDLEGRID_AGENT_DATA_DIR: tmp,
      IDLEGRID_AGENT_HEARTBEAT_SECONDS: "1",
      IDLEGRID_FAKE_GPU_PROFILE: "h100x8",
      DOCKER_HOST: `unix://${path.join(tmp, "docker.sock")}`,
    };
  });
  afterAll(async () => {
    for (const a of running) a.child.kill("SIGKILL");
    stub.server.closeAllConnections();
    await new Promise((r) => stub.server.close(r));
    await new Promise((r) => docker.close(r));
    await rm(tmp, { recursive: true, force: true });
  });

  it("doctor --json sees the fake 8× H100 and Docker, and fails only for want of pairing", async () => {
    const agent = startAgent(["doctor", "--json"], env);
    expect(await agent.exited).toBe(1);
    const report = JSON.parse(agent.stdout.join("\n"));
    expect(report.hardware.gpus).toHaveLength(8);
    expect(report.hardware.gpus.every((g: { catalogId: string }) => g.catalogId === "H100-SXM")).toBe(true);
    expect(report.hardware).toMatchObject({
      driverVersion: "535.129.03",
      cudaVersion: "12.2",
      docker: { version: "27.3.1", apiVersion: "1.47" },
    });
    expect(report.problems.map((p: { code: string }) => p.code)).toEqual(["config:not-paired"]);
    expect(agent.stderr()).toMatch(/^✗ not paired: run idlegrid-agent pair <code>/m);
  });

  it("doctor names a driver/library mismatch in one line", async () => {
    const agent = startAgent(["doctor", "--json"], { ...env, IDLEGRID_FAKE_GPU_PROFILE: "mismatch" });
    expect(await agent.exited).toBe(1);
    const report = JSON.parse(agent.stdout.join("\n"));
    expect(report.hardware.gpus).toEqual([]);
    expect(report.problems.map((p: { code: string }) => p.code)).toEqual(["gpu:driver-mismatch", "config:not-paired"]);
    expect(agent.stderr()).toMatch(/^✗ NVIDIA driver\/library version mismatch \(NVML library 550\.144\).*reboot the host$/m);
  });

  it("pairs with the code, then reports, heartbeats every second with the credential, and stops on 401", async () => {
    const pairing = startAgent(["pair", "abcd-2345", "--server", server], env);
    expect(await pairing.exited).toBe(0);
    const [pairRequest] = stub.requests;
    expect(pairRequest?.path).toBe("/api/v1/agent/pair");
    expect(pairRequest?.auth).toBeUndefined();
    const pairBody = pairRequestSchema.parse(pairRequest?.body);
    expect(pairBody).toMatchObject({ code: "ABCD-2345", hostname: os.hostname() });
    expect(pairBody.hardware.gpus).toHaveLength(8);
    expect((await stat(env.IDLEGRID_AGENT_HOME ?? "")).mode & 0o777).toBe(0o700);
    expect((await stat(path.join(env.IDLEGRID_AGENT_HOME ?? "", "config.json"))).mode & 0o777).toBe(0o600);

    stub.requests.length = 0;
    const agent = startAgent(["run"], env);
    running.push(agent);
    await waitFor("four heartbeats", () => stub.requests.filter((r) => r.path.endsWith("/heartbeat")).length >= 4);
    expect(stub.requests[0]?.path).toBe("/api/v1/agent/report");
    expect(reportRequestSchema.parse(stub.requests[0]?.body).hardware.gpus).toHaveLength(8);
    expect(stub.requests.every((r) => r.auth === `Bearer ${credential}`)).toBe(true);

    const beats = stub.requests.filter((r) => r.path === "/api/v1/agent/heartbeat").map((r) => heartbeatRequestSchema.parse(r.body));
    for (const body of beats) {
      expect(body.gpus).toHaveLength(8);
      expect(body.gpus[0]?.uuid).toBe(pairBody.hardware.gpus[0]?.uuid);
    }
    // `at` is stamped on each tick, before nvidia-smi runs, so it shows the cadence itself; arrival
    // times also carry how long the (fake) nvidia-smi took to start on a busy machine.
    const ticks = beats.map((b) => Date.parse(b.at));
    for (const [i, tick] of ticks.slice(1).entries()) {
      expect(tick - (ticks[i] ?? 0)).toBeGreaterThanOrEqual(900);
      expect(tick - (ticks[i] ?? 0)).toBeLessThan(1300);
    }

    stub.state.revoked = true;
    expect(await agent.exited).toBe(78);
    const afterStop = stub.requests.length;
    expect(agent.stderr()).toMatch(/refused this machine's credential \(HTTP 401: credential revoked\).*pair again/);
    const logs = agent.stdout.map((l) => JSON.parse(l) as { event: string; level: string });
    expect(logs.map((l) => l.event)).toEqual(expect.arrayContaining(["starting", "report_sent", "heartbeat_sent", "credential_revoked"]));
    expect(agent.stdout.join("\n")).not.toContain(credential);
    await new Promise((r) => setTimeout(r, 1500));
    expect(stub.requests.length).toBe(afterStop);
  });

  it("retries a report the server answers 503 with Retry-After, and stops cleanly on SIGTERM", async () => {
    for (const a of running) a.child.kill("SIGKILL"); // a run left over if the previous test failed midway
    stub.state.revoked = false;
    stub.state.reportFailuresLeft = 1;
    stub.requests.length = 0;
    const agent = startAgent(["run"], env);
    running.push(agent);
    await waitFor("a heartbeat", () => stub.requests.some((r) => r.path.endsWith("/heartbeat")));
    const reports = stub.requests.filter((r) => r.path.endsWith("/report"));
    expect(reports).toHaveLength(2);
    // Retry-After: 1 plus up to a second of jitter.
    const waited = (reports[1]?.at ?? 0) - (reports[0]?.at ?? 0);
    expect(waited).toBeGreaterThanOrEqual(950);
    expect(waited).toBeLessThan(2600);

    agent.child.kill("SIGTERM");
    expect(await agent.exited).toBe(0);
    const events = agent.stdout.map((l) => (JSON.parse(l) as { event: string }).event);
    expect(events).toContain("report_failed");
    expect(events.slice(-2)).toEqual(["stopping", "stopped"]);
  });
});
