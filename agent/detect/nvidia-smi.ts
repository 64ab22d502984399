/**
 * Pure parsing of nvidia-smi output: the queries the agent runs, what their CSV rows mean, and what
 * a failed run is telling us. Running the binary is gpus.ts's job, so everything here is testable on
 * recorded output (agent/fixtures/).
 */
import type { GpuInfo, GpuSample } from "../protocol";
import { catalogIdForGpu } from "../gpu-models";

/** Fields of the one-off inventory query, in column order. */
export const inventoryFields = [
  "name",
  "uuid",
  "memory.total",
  "driver_version",
  "power.limit",
  "pcie.link.gen.max",
  "pcie.link.width.max",
] as const;
/** Fields of the per-heartbeat sample query, in column order. */
export const sampleFields = ["uuid", "utilization.gpu", "memory.used", "temperature.gpu"] as const;

export const inventoryArgs = [`--query-gpu=${inventoryFields.join(",")}`, "--format=csv,noheader,nounits"];
export const sampleArgs = [`--query-gpu=${sampleFields.join(",")}`, "--format=csv,noheader,nounits"];

export interface Inventory {
  gpus: GpuInfo[];
  driverVersion: string | null;
}

/** Why nvidia-smi gave no GPUs, with the sentence to show a provider. */
export type NvidiaSmiProblem =
  | { kind: "not-installed"; message: string }
  | { kind: "no-driver"; message: string }
  | { kind: "driver-mismatch"; message: string }
  | { kind: "no-devices"; message: string }
  | { kind: "no-permission"; message: string }
  | { kind: "failed"; message: string };

/** One raw run: `spawnError` is the errno code when the binary could not be started at all. */
export interface NvidiaSmiRun {
  exitCode: number | null;
  output: string;
  spawnError?: string;
}

export class NvidiaSmiParseError extends Error {}

/**
 * Splits `csv,noheader,nounits` output. nvidia-smi separates with ", " and never quotes; product
 * names contain no commas, so a plain split is exact, and a row with the wrong number of columns
 * means the output is not what we asked for.
 */
export function parseCsvRows(output: string, columns: number): string[][] {
  const rows: string[][] = [];
  for (const line of output.split(/\r?\n/)) {
    if (line.trim() === "") continue;
    const cells = line.split(",").map((c) => c.trim());
    if (cells.length !== columns) throw new NvidiaSmiParseError(`expected ${columns} columns, got ${cells.length}: ${line.slice(0, 120)}`);
    rows.push(cells);
  }
  return rows;
}

/** A number, or null for "[N/A]", "[Not Supported]", "[Unknown Error]" and other bracketed non-values. */
export function parseNumberCell(cell: string): number | null {
  if (cell === "" || /^\[.*\]$/.test(cell) || cell === "N/A") return null;
  const n = Number(cell);
  if (!Number.isFinite(n)) throw new NvidiaSmiParseError(`not a number: ${cell.slice(0, 40)}`);
  return n;
}

function intOrNull(cell: string): number | null {
  const n = parseNumberCell(cell);
  return n === null ? null : Math.round(n);
}

export function parseInventory(output: string): Inventory {
  const rows = parseCsvRows(output, inventoryFields.length);
  let driverVersion: string | null = null;
  const gpus = rows.map(([name = "", uuid = "", memory = "", driver = "", power = "", gen = "", width = ""], index): GpuInfo => {
    const memoryMiB = intOrNull(memory);
    if (memoryMiB === null || memoryMiB <= 0) throw new NvidiaSmiParseError(`GPU ${index} reports no memory size`);
    if (!/^\[.*\]$/.test(driver)) driverVersion ??= driver;
    const catalogId = catalogIdForGpu(name, memoryMiB);
    return {
      index,
      name,
      uuid,
      memoryMiB,
      powerLimitW: parseNumberCell(power),
      pcieGen: intOrNull(gen),
      pcieWidth: intOrNull(width),
      catalogId,
      unknown: catalogId === null,
    };
  });
  return { gpus, driverVersion };
}

export function parseSamples(output: string): GpuSample[] {
  return parseCsvRows(output, sampleFields.length).map(([uuid = "", util = "", memoryUsed = "", temperature = ""]) => ({
    uuid,
    utilizationPct: parseNumberCell(util),
    memoryUsedMiB: intOrNull(memoryUsed),
    temperatureC: parseNumberCell(temperature),
  }));
}

/**
 * The CUDA version the driver supports, from plain `nvidia-smi` ("CUDA Version: 12.2" in the header;
 * R610+ prints "CUDA UMD Version: 13.3") or `nvidia-smi -q` ("CUDA Version : 12.2"). Null when the
 * output has none ("Not Found" on drivers without the CUDA user-mode library).
 */
export function parseCudaVersion(output: string): string | null {
  const m = /CUDA (?:UMD )?Version\s*:\s*(\d+\.\d+)/.exec(output);
  return m?.[1] ?? null;
}

// nvidia-smi's documented return codes; the text is checked first since it is the more specific.
const exitCodeKinds: Record<number, NvidiaSmiProblem["kind"]> = {
  4: "no-permission",
  6: "no-devices",
  9: "no-driver",
  18: "driver-mismatch",
};

/** Names what went wrong in a run that did not exit 0 (or could not start). */
export function classifyFailure(run: NvidiaSmiRun): NvidiaSmiProblem {
  if (run.spawnError === "ENOENT") {
    return { kind: "not-installed", message: "nvidia-smi not found: install the NVIDIA driver (it ships nvidia-smi)" };
  }
  if (run.spawnError === "EACCES") return { kind: "no-permission", message: "nvidia-smi is not executable by this user" };
  const text = run.output;
  const firstLine =
    text
      .split(/\r?\n/)
      .find((l) => l.trim() !== "")
      ?.trim() ?? "";
  let kind: NvidiaSmiProblem["kind"] = "failed";
  if (/Driver\/library version mismatch/i.test(text)) kind = "driver-mismatch";
  else if (/couldn't communicate with the NVIDIA driver/i.test(text)) kind = "no-driver";
  else if (/No devices were found/i.test(text)) kind = "no-devices";
  else if (/Insufficient Permissions/i.test(text)) kind = "no-permission";
  else if (run.exitCode !== null) kind = exitCodeKinds[run.exitCode] ?? "failed";

  switch (kind) {
    case "driver-mismatch": {
      const lib = /NVML library version:\s*([\d.]+)/.exec(text)?.[1];
      return {
        kind,
        message: `NVIDIA driver/library version mismatch${lib ? ` (NVML library ${lib})` : ""}: the driver was upgraded without a reboot; reboot the host`,
      };
    }
    case "no-driver":
      return { kind, message: "no NVIDIA driver loaded: nvidia-smi cannot talk to the kernel module; install the driver or reboot" };
    case "no-devices":
      return { kind, message: "the NVIDIA driver is loaded but sees no GPUs" };
    case "no-permission":
      return { kind, message: "this user may not query the GPUs (nvidia-smi: insufficient permissions)" };
    default: {
      const how = run.spawnError ? `could not start (${run.spawnError})` : `exited ${run.exitCode ?? "on a signal"}`;
      return { kind: "failed", message: `nvidia-smi ${how}${firstLine ? `: ${firstLine.slice(0, 160)}` : ""}` };
    }
  }
}
