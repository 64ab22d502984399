/**
 * Runs nvidia-smi and hands its output to the pure parsers. Every call has a timeout: a GPU that
 * fell off the bus can make nvidia-smi hang for minutes, and a heartbeat must not wait on it.
 */
import { execFile } from "node:child_process";
import type { GpuInfo, GpuSample } from "../protocol";
import {
  classifyFailure,
  inventoryArgs,
  NvidiaSmiParseError,
  type NvidiaSmiProblem,
  type NvidiaSmiRun,
  parseCudaVersion,
  parseInventory,
  parseSamples,
  sampleArgs,
} from "./nvidia-smi";

export type GpuDetection =
  { ok: true; gpus: GpuInfo[]; driverVersion: string | null; cudaVersion: string | null } | { ok: false; problem: NvidiaSmiProblem };

export function runNvidiaSmi(bin: string, args: readonly string[], timeoutMs: number): Promise<NvidiaSmiRun> {
  return new Promise((resolve) => {
    execFile(bin, args, { timeout: timeoutMs, maxBuffer: 4 * 1024 * 1024, encoding: "utf8" }, (err, stdout, stderr) => {
      const output = `${stdout}${stderr}`;
      if (!err) return resolve({ exitCode: 0, output });
      // A string code is a spawn failure (ENOENT, EACCES); a number is the exit status.
      if (typeof err.code === "string") return resolve({ exitCode: null, output, spawnError: err.code });
      if (err.killed) return resolve({ exitCode: null, output, spawnError: `timed out after ${timeoutMs} ms` });
      resolve({ exitCode: typeof err.code === "number" ? err.code : null, output });
    });
  });
}

function parseFailure(e: unknown): NvidiaSmiProblem {
  if (e instanceof NvidiaSmiParseError) return { kind: "failed", message: `unexpected nvidia-smi output: ${e.message}` };
  throw e;
}

/** GPUs, driver and CUDA version. The CUDA version comes from plain `nvidia-smi`, whose header is the only place it is printed. */
export async function detectGpus(bin: string, timeoutMs = 15_000): Promise<GpuDetection> {
  const inventory = await runNvidiaSmi(bin, inventoryArgs, timeoutMs);
  if (inventory.exitCode !== 0) return { ok: false, problem: classifyFailure(inventory) };
  let parsed: ReturnType<typeof parseInventory>;
  try {
    parsed = parseInventory(inventory.output);
  } catch (e) {
    return { ok: false, problem: parseFailure(e) };
  }
  const summary = await runNvidiaSmi(bin, [], timeoutMs);
  const cudaVersion = summary.exitCode === 0 ? parseCudaVersion(summary.output) : null;
  return { ok: true, gpus: parsed.gpus, driverVersion: parsed.driverVersion, cudaVersion };
}

export type GpuSampling = { ok: true; samples: GpuSample[] } | { ok: false; message: string };

export async function sampleGpus(bin: string, timeoutMs = 10_000): Promise<GpuSampling> {
  const run = await runNvidiaSmi(bin, sampleArgs, timeoutMs);
  if (run.exitCode !== 0) return { ok: false, message: classifyFailure(run).message };
  try {
    return { ok: true, samples: parseSamples(run.output) };
  } catch (e) {
    return { ok: false, message: parseFailure(e).message };
  }
}
