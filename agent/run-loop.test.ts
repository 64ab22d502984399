import { describe, expect, it } from "vitest";
import type { PostOutcome } from "./http";
import type { LogFields } from "./log";
import { agentApi, type Hardware, heartbeatRequestSchema, reportRequestSchema } from "./protocol";
import { abortableSleep, type RunDeps, runAgent } from "./run-loop";

const hardware: Hardware = {
  agentVersion: "0.1.0",
  hostname: "gpu-01",
  os: { platform: "linux", distro: "Ubuntu 22.04.4 LTS", kernel: "5.15.0-105-generic", arch: "x64" },
  cpu: { model: "AMD EPYC 9654 96-Core Processor", cores: 96, threads: 192 },
  memoryMiB: 2063907,
  disk: { path: "/var/lib/idlegrid-agent", totalBytes: 3.8e12, freeBytes: 3.5e12 },
  gpus: [],
  driverVersion: "535.129.03",
  cudaVersion: "12.2",
  docker: { version: "24.0.7", apiVersion: "1.43" },
};
const uuid = "GPU-d9b95830-7cd8-ac41-4646-a329d2f4da0d";
const ok: PostOutcome = { kind: "ok", status: 204, body: null };

/**
 * A virtual clock and a scripted server: each POST takes the next answer (ok once the script runs
 * out), sleeping only moves the clock, and the run is stopped after `stopAfter` POSTs.
 */
function harness(answers: PostOutcome[], stopAfter: number, sampleOk = true) {
  const controller = new AbortController();
  let clock = Date.parse("2026-12-01T10:00:00Z");
  const posts: Array<{ path: string; body: unknown; at: number }> = [];
  const sleeps: number[] = [];
  const logs: Array<{ level: string; event: string } & LogFields> = [];
  const logAt =
    (level: string) =>
    (event: string, fields: LogFields = {}) =>
      void logs.push({ level, event, ...fields });
  const deps: RunDeps = {
    async post(path, body) {
      posts.push({ path, body, at: clock });
      clock += 50; // each request takes 50 ms
      if (posts.length >= stopAfter) controller.abort();
      return answers.shift() ?? ok;
    },
    hardware: async () => hardware,
    sample: async () =>
      sampleOk
        ? { ok: true, samples: [{ uuid, utilizationPct: 97, memoryUsedMiB: 78213, temperatureC: 61 }] }
        : { ok: false, message: "NVIDIA driver/library version mismatch: reboot the host" },
    async sleep(ms) {
      sleeps.push(ms);
      clock += ms;
    },
    now: () => clock,
    random: () => 0,
    log: { info: logAt("info"), warn: logAt("warn"), error: logAt("error") },
    intervalMs: 30_000,
    backoff: { baseMs: 1000, maxMs: 300_000 },
    signal: controller.signal,
  };
  return { deps, posts, sleeps, logs };
}

describe("runAgent", () => {
  it("reports once, then heartbeats every interval at a fixed rate", async () => {
    const h = harness([], 4);
    expect(await runAgent(h.deps)).toEqual({ reason: "stopped" });
    expect(h.posts.map((p) => p.path)).toEqual([agentApi.report, agentApi.heartbeat, agentApi.heartbeat, agentApi.heartbeat]);
    expect(reportRequestSchema.parse(h.posts[0]?.body)).toEqual({ hardware });
    for (const p of h.posts.slice(1)) expect(heartbeatRequestSchema.safeParse(p.body).success).toBe(true);
    // Heartbeats start 30 s apart even though each request takes 50 ms.
    const beats = h.posts.slice(1).map((p) => p.at);
    expect(beats.slice(1).map((t, i) => t - (beats[i] ?? 0))).toEqual([30_000, 30_000]);
    expect(h.posts[1]?.body).toMatchObject({ at: "2026-12-01T10:00:00.050Z", gpus: [{ uuid, utilizationPct: 97 }] });
  });

  it("retries the report through outages with growing delays, honouring Retry-After", async () => {
    const h = harness(
      [
        { kind: "retry", reason: "ECONNREFUSED", retryAfterMs: null },
        { kind: "retry", reason: "HTTP 502", retryAfterMs: null },
        { kind: "retry", reason: "HTTP 429: slow down", retryAfterMs: 7000 },
        { kind: "retry", reason: "HTTP 503", retryAfterMs: null },
      ],
      6,
    );
    await runAgent(h.deps);
    expect(h.posts.map((p) => p.path)).toEqual([...Array(5).fill(agentApi.report), agentApi.heartbeat]);
    // random() = 0: half of 1 s, 2 s, then Retry-After's 7 s, then half of 8 s.
    expect(h.sleeps.slice(0, 4)).toEqual([500, 1000, 7000, 4000]);
    expect(h.logs.filter((l) => l.event === "report_failed").map((l) => l.reason)).toEqual([
      "ECONNREFUSED",
      "HTTP 502",
      "HTTP 429: slow down",
      "HTTP 503",
    ]);
  });

  it("backs off failed heartbeats and returns to the cadence after one succeeds", async () => {
    const h = harness(
      [ok, ok, { kind: "retry", reason: "timed out", retryAfterMs: null }, { kind: "retry", reason: "HTTP 500", retryAfterMs: null }],
      7,
    );
    await runAgent(h.deps);
    const beats = h.posts.slice(1).map((p) => p.at);
    const gaps = beats.slice(1).map((t, i) => t - (beats[i] ?? 0));
    // ok → 30 s → timed out → 0.5 s → 500 → 1 s → ok → 30 s → ok
    expect(gaps).toEqual([30_000, 550, 1050, 30_000, 30_000]);
  });

  it("stops when the credential is revoked, at start or later", async () => {
    const atStart = harness([{ kind: "auth", status: 401, message: "HTTP 401: credential revoked" }], 99);
    expect(await runAgent(atStart.deps)).toEqual({ reason: "revoked", status: 401, message: "HTTP 401: credential revoked" });
    expect(atStart.posts).toHaveLength(1);

    const later = harness([ok, ok, { kind: "auth", status: 403, message: "HTTP 403" }], 99);
    expect(await runAgent(later.deps)).toEqual({ reason: "revoked", status: 403, message: "HTTP 403" });
    expect(later.posts).toHaveLength(3);
  });

  it("stops on a rejected report but keeps going after a rejected heartbeat", async () => {
    const report = harness([{ kind: "rejected", status: 409, message: "HTTP 409: GPUs differ from the listing" }], 99);
    expect(await runAgent(report.deps)).toMatchObject({ reason: "rejected", status: 409 });

    const beat = harness([ok, { kind: "rejected", status: 422, message: "HTTP 422: invalid body" }], 4);
    expect(await runAgent(beat.deps)).toEqual({ reason: "stopped" });
    expect(beat.logs.find((l) => l.event === "heartbeat_rejected")).toMatchObject({ level: "error", status: 422 });
    // The next heartbeat comes a full interval after the rejected one was answered.
    expect((beat.posts[2]?.at ?? 0) - (beat.posts[1]?.at ?? 0)).toBe(30_050);
  });

  it("still heartbeats when sampling fails, saying why", async () => {
    const h = harness([], 2, false);
    await runAgent(h.deps);
    expect(h.posts[1]?.body).toMatchObject({ gpus: [], gpuError: "NVIDIA driver/library version mismatch: reboot the host" });
    expect(heartbeatRequestSchema.safeParse(h.posts[1]?.body).success).toBe(true);
  });
});

describe("abortableSleep", () => {
  it("wakes at once on abort", async () => {
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 20);
    await abortableSleep(60_000, controller.signal);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
