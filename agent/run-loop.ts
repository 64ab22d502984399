/**
 * The long-lived loop behind `run`: report the hardware once, then heartbeat on a fixed cadence.
 * Every effect (HTTP, nvidia-smi, clock, sleep, randomness) comes in through RunDeps, so the retry
 * and stop rules are tested without waiting or a network.
 *
 * Rules: network errors, timeouts, 5xx, 408 and 429 are retried with jittered backoff (Retry-After
 * wins when given); 401/403 stop the agent, since a revoked credential never recovers; any other
 * rejection of the report stops it (the server does not accept this machine as described), while a
 * rejected heartbeat is logged and the cadence goes on (the next one carries new numbers).
 */
import { type BackoffPolicy, retryDelayMs } from "./backoff";
import type { GpuSampling } from "./detect/gpus";
import type { PostOutcome } from "./http";
import type { Logger } from "./log";
import { agentApi, type Hardware, type HeartbeatRequest, type ReportRequest } from "./protocol";

export interface RunDeps {
  /** POSTs to the configured server with the machine credential. */
  post(apiPath: string, body: unknown, signal: AbortSignal): Promise<PostOutcome>;
  hardware(): Promise<Hardware>;
  sample(): Promise<GpuSampling>;
  /** Resolves after `ms`, or at once when `signal` aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  now(): number;
  random(): number;
  log: Logger;
  intervalMs: number;
  backoff: BackoffPolicy;
  signal: AbortSignal;
}

export type RunResult =
  { reason: "stopped" } | { reason: "revoked"; status: number; message: string } | { reason: "rejected"; status: number; message: string };

export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const onAbort = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

async function reportUntilAccepted(deps: RunDeps): Promise<RunResult | null> {
  const hardware = await deps.hardware();
  const body: ReportRequest = { hardware };
  for (let attempt = 0; !deps.signal.aborted; attempt++) {
    const out = await deps.post(agentApi.report, body, deps.signal);
    if (deps.signal.aborted) break;
    switch (out.kind) {
      case "ok":
        deps.log.info("report_sent", { status: out.status, gpus: hardware.gpus.length });
        return null;
      case "auth":
        return { reason: "revoked", status: out.status, message: out.message };
      case "rejected":
        return { reason: "rejected", status: out.status, message: `the server rejected the hardware report: ${out.message}` };
      case "retry": {
        const delayMs = retryDelayMs(attempt, out.retryAfterMs, deps.backoff, deps.random);
        deps.log.warn("report_failed", { reason: out.reason, attempt: attempt + 1, retryInMs: delayMs });
        await deps.sleep(delayMs, deps.signal);
      }
    }
  }
  return { reason: "stopped" };
}

async function heartbeatBody(deps: RunDeps): Promise<HeartbeatRequest> {
  const at = new Date(deps.now()).toISOString();
  const sampling = await deps.sample();
  if (sampling.ok) return { at, gpus: sampling.samples };
  return { at, gpus: [], gpuError: sampling.message.slice(0, 300) };
}

export async function runAgent(deps: RunDeps): Promise<RunResult> {
  const reported = await reportUntilAccepted(deps);
  if (reported) return reported;

  let attempt = 0;
  // The first heartbeat goes right after the report, so the dashboard shows live numbers at once.
  let next = deps.now();
  while (!deps.signal.aborted) {
    await deps.sleep(Math.max(0, next - deps.now()), deps.signal);
    if (deps.signal.aborted) break;
    const body = await heartbeatBody(deps);
    if (body.gpuError) deps.log.warn("gpu_sample_failed", { message: body.gpuError });
    const out = await deps.post(agentApi.heartbeat, body, deps.signal);
    if (deps.signal.aborted) break;
    switch (out.kind) {
      case "ok":
        attempt = 0;
        deps.log.info("heartbeat_sent", { status: out.status, gpus: body.gpus.length });
        // Fixed rate, not fixed delay, so slow requests do not stretch the cadence; after a stall, start afresh.
        next += deps.intervalMs;
        if (next <= deps.now()) next = deps.now() + deps.intervalMs;
        break;
      case "auth":
        return { reason: "revoked", status: out.status, message: out.message };
      case "rejected":
        attempt = 0;
        deps.log.error("heartbeat_rejected", { status: out.status, message: out.message });
        next = deps.now() + deps.intervalMs;
        break;
      case "retry": {
        const delayMs = retryDelayMs(attempt, out.retryAfterMs, deps.backoff, deps.random);
        attempt++;
        deps.log.warn("heartbeat_failed", { reason: out.reason, attempt, retryInMs: delayMs });
        next = deps.now() + delayMs;
      }
    }
  }
  return { reason: "stopped" };
}
