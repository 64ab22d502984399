/**
 * What an agent's hardware report means for its listing, as pure rules: the measured summary the
 * server stores (catalog ids worked out again here, never taken on the agent's word), the difference
 * from what the listing declares (GPU model, count, VRAM: what a buyer rents), and the reasons an
 * admin should look at an agent that reports nonsense.
 */
import { catalogIdForGpu } from "@/agent/gpu-models";
import type { Hardware, HeartbeatRequest } from "@/agent/protocol";
import { gpuSpec } from "@/lib/listings/gpu-catalog";

export const agentFlagKinds = [
  /** A GPU whose name and memory match no catalog model. */
  "unknown_gpu",
  /** GPUs of different models in one machine (a listing has one model). */
  "mixed_gpus",
  /** The agent's catalog id for a GPU differs from the server's for the same name and memory. */
  "catalog_mismatch",
  /** The report lists no GPU at all (no driver, driver/library mismatch, none installed). */
  "no_gpus",
  /** A GPU UUID appears twice in one report, or in another machine's report too. */
  "duplicate_gpu",
  /** A heartbeat names a GPU the hardware report did not list. */
  "unreported_gpu",
  /** A heartbeat's host clock is more than five minutes off the server's. */
  "clock_skew",
  /** A heartbeat said GPU sampling failed. */
  "gpu_error",
] as const;
export type AgentFlag = (typeof agentFlagKinds)[number];

const CLOCK_SKEW_MS = 5 * 60 * 1000;

/** The measured hardware as stored on MachineAgent. */
export interface MeasuredHardware {
  hostname: string;
  agentVersion: string;
  gpuModel: string | null;
  gpuName: string | null;
  gpuCount: number;
  gpuMemoryMiB: number | null;
  gpuUuids: string[];
  driverVersion: string | null;
  cudaVersion: number | null;
  cpuModel: string;
  cpuCores: number | null;
  cpuThreads: number;
  memoryMiB: number;
  diskTotalBytes: bigint | null;
  diskFreeBytes: bigint | null;
  dockerVersion: string | null;
  os: string;
}

/** "12.4" -> 124, the listing's encoding; a two-digit minor (none shipped so far) counts as 9 so it never reads as the next major. */
export function cudaNumber(version: string | null): number | null {
  if (version === null) return null;
  const [major, minor] = version.split(".").map(Number);
  return (major ?? 0) * 10 + Math.min(minor ?? 0, 9);
}

export function measuredHardware(hw: Hardware): { measured: MeasuredHardware; flags: AgentFlag[] } {
  const flags = new Set<AgentFlag>();
  const ids = hw.gpus.map((g) => {
    const id = catalogIdForGpu(g.name, g.memoryMiB);
    if (id !== g.catalogId) flags.add("catalog_mismatch");
    if (id === null) flags.add("unknown_gpu");
    return id;
  });
  const distinct = new Set(hw.gpus.map((g, i) => ids[i] ?? `?${g.name}`));
  if (distinct.size > 1) flags.add("mixed_gpus");
  if (hw.gpus.length === 0) flags.add("no_gpus");
  const uuids = hw.gpus.map((g) => g.uuid.toUpperCase());
  if (new Set(uuids).size !== uuids.length) flags.add("duplicate_gpu");
  const first = ids[0] ?? null;
  const memories = hw.gpus.map((g) => g.memoryMiB);
  return {
    measured: {
      hostname: hw.hostname,
      agentVersion: hw.agentVersion,
      gpuModel: first !== null && ids.every((id) => id === first) ? first : null,
      gpuName: hw.gpus[0]?.name ?? null,
      gpuCount: hw.gpus.length,
      gpuMemoryMiB: memories.length > 0 ? Math.min(...memories) : null,
      gpuUuids: [...new Set(uuids)],
      driverVersion: hw.driverVersion,
      cudaVersion: cudaNumber(hw.cudaVersion),
      cpuModel: hw.cpu.model,
      cpuCores: hw.cpu.cores,
      cpuThreads: hw.cpu.threads,
      memoryMiB: hw.memoryMiB,
      diskTotalBytes: hw.disk ? BigInt(hw.disk.totalBytes) : null,
      diskFreeBytes: hw.disk ? BigInt(hw.disk.freeBytes) : null,
      dockerVersion: hw.docker?.version ?? null,
      os: `${hw.os.distro ?? hw.os.platform} (${hw.os.kernel}, ${hw.os.arch})`.slice(0, 300),
    },
    flags: [...flags],
  };
}

export interface DeclaredHardware {
  gpuModel: string;
  gpuCount: number;
  vramGb: number;
}

/** One field where the measurement contradicts the listing. `measured` is null when nothing was measured. */
export interface HardwareDifference {
  field: "gpuModel" | "gpuCount" | "vramGb";
  declared: string | number;
  measured: string | number | null;
}

/**
 * Whether `memoryMiB` is what a card sold with `gb` reports: drivers show less than the nominal size
 * (an 80 GB H100 reports 81559 MiB), so 85-105 % of nominal, the window agent/gpu-models.ts uses.
 */
export function vramFits(declaredGb: number, memoryMiB: number): boolean {
  const nominal = declaredGb * 1024;
  return memoryMiB >= nominal * 0.85 && memoryMiB <= nominal * 1.05;
}

type Measured = Pick<MeasuredHardware, "gpuModel" | "gpuName" | "gpuCount" | "gpuMemoryMiB">;

export function hardwareDiff(declared: DeclaredHardware, measured: Measured): HardwareDifference[] {
  const out: HardwareDifference[] = [];
  if (measured.gpuModel !== declared.gpuModel) {
    out.push({ field: "gpuModel", declared: declared.gpuModel, measured: measured.gpuModel ?? measured.gpuName });
  }
  if (measured.gpuCount !== declared.gpuCount) out.push({ field: "gpuCount", declared: declared.gpuCount, measured: measured.gpuCount });
  if (measured.gpuMemoryMiB === null || !vramFits(declared.vramGb, measured.gpuMemoryMiB)) {
    out.push({
      field: "vramGb",
      declared: declared.vramGb,
      measured: measured.gpuMemoryMiB === null ? null : `${measured.gpuMemoryMiB} MiB`,
    });
  }
  return out;
}

export function sameDiff(a: readonly HardwareDifference[], b: readonly HardwareDifference[] | null): boolean {
  if (!b || a.length !== b.length) return false;
  const key = (d: HardwareDifference) => `${d.field}=${String(d.declared)}/${String(d.measured)}`;
  const keys = new Set(b.map(key));
  return a.every((d) => keys.has(key(d)));
}

/** Reads a stored diff back (a Json column), keeping only well-formed entries. */
export function diffFromJson(value: unknown): HardwareDifference[] | null {
  if (!Array.isArray(value)) return null;
  return value.filter(
    (d): d is HardwareDifference =>
      typeof d === "object" && d !== null && ["gpuModel", "gpuCount", "vramGb"].includes((d as HardwareDifference).field),
  );
}

/** The sentence kept in the listing's status history when a difference sends it back to review. */
export function reviewReason(diff: readonly HardwareDifference[]): string {
  const parts = diff.map((d) => `${d.field}: declared ${d.declared}, measured ${d.measured ?? "nothing"}`);
  return `The machine agent measured other hardware than listed (${parts.join("; ")}).`.slice(0, 500);
}

/** A display name for a measured model: the catalog's when known, else what the driver said. */
export function measuredGpuName(measured: Pick<MeasuredHardware, "gpuModel" | "gpuName">): string | null {
  return (measured.gpuModel ? gpuSpec(measured.gpuModel)?.name : null) ?? measured.gpuName;
}

/** The per-heartbeat numbers a sample row folds in: mean utilisation, total memory in use, hottest GPU. */
export function heartbeatNumbers(hb: HeartbeatRequest): { util: number | null; memUsedMiB: number | null; tempMaxC: number | null } {
  const utils = hb.gpus.map((g) => g.utilizationPct).filter((v): v is number => v !== null);
  const mems = hb.gpus.map((g) => g.memoryUsedMiB).filter((v): v is number => v !== null);
  const temps = hb.gpus.map((g) => g.temperatureC).filter((v): v is number => v !== null);
  return {
    util: utils.length > 0 ? utils.reduce((a, b) => a + b, 0) / utils.length : null,
    memUsedMiB: mems.length > 0 ? mems.reduce((a, b) => a + b, 0) : null,
    tempMaxC: temps.length > 0 ? Math.max(...temps) : null,
  };
}

/** What a heartbeat says about the agent that an admin should see. */
export function heartbeatFlags(hb: HeartbeatRequest, reportedUuids: readonly string[], now: Date): AgentFlag[] {
  const flags: AgentFlag[] = [];
  if (Math.abs(Date.parse(hb.at) - now.getTime()) > CLOCK_SKEW_MS) flags.push("clock_skew");
  const known = new Set(reportedUuids.map((u) => u.toUpperCase()));
  if (hb.gpus.some((g) => !known.has(g.uuid.toUpperCase()))) flags.push("unreported_gpu");
  if (hb.gpuError !== undefined) flags.push("gpu_error");
  return flags;
}
