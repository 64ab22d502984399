/**
 * The HTTP protocol between idlegrid-agent and the app: the request bodies the agent sends and the
 * one response body it reads (pairing). The server validates with these same schemas, so this file
 * imports nothing but zod: no node modules, nothing from the app.
 *
 * Units are in the field names: MiB for GPU and RAM memory (what nvidia-smi and /proc/meminfo give),
 * bytes for disks, MB/s (10^6 bytes) for disk speed, megabits/s for network speed.
 */
import { z } from "zod";

/** Paths under the server URL the agent is configured with. */
export const agentApi = {
  pair: "/api/v1/agent/pair",
  report: "/api/v1/agent/report",
  heartbeat: "/api/v1/agent/heartbeat",
  benchReceipts: "/api/v1/agent/bench-receipts",
} as const;

/** nvidia-smi's form: "GPU-" then the 8-4-4-4-12 hex groups of a UUID. */
export const gpuUuidField = z
  .string()
  .regex(/^GPU-[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i, { error: "GPU UUID must look like GPU-xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx" });

const hostnameField = z.string().min(1).max(253);
const nonNegativeInt = z.number().int().nonnegative();

/** One GPU as detected at start-up. `catalogId` is null when the name matched no catalog model; such GPUs carry `unknown: true` for an admin to review. */
export const gpuInfoSchema = z
  .object({
    index: nonNegativeInt,
    name: z.string().min(1).max(120),
    uuid: gpuUuidField,
    memoryMiB: z.number().int().positive(),
    powerLimitW: z.number().positive().nullable(),
    pcieGen: z.number().int().min(1).max(8).nullable(),
    pcieWidth: z.number().int().min(1).max(32).nullable(),
    catalogId: z.string().min(1).max(40).nullable(),
    unknown: z.boolean(),
  })
  .refine((g) => g.unknown === (g.catalogId === null), { error: "unknown must be true exactly when catalogId is null" });

export const hardwareSchema = z.object({
  agentVersion: z.string().min(1).max(40),
  hostname: hostnameField,
  os: z.object({
    platform: z.string().min(1).max(40),
    /** PRETTY_NAME from /etc/os-release, null where there is none. */
    distro: z.string().max(200).nullable(),
    kernel: z.string().min(1).max(200),
    arch: z.string().min(1).max(40),
  }),
  cpu: z.object({
    model: z.string().min(1).max(200),
    /** Physical cores, null where /proc/cpuinfo does not say. */
    cores: z.number().int().positive().nullable(),
    /** Logical CPUs (what a rented container can be given). */
    threads: z.number().int().positive(),
  }),
  memoryMiB: z.number().int().positive(),
  /** The filesystem of the agent's data dir; null when it could not be read. */
  disk: z.object({ path: z.string().min(1).max(4096), totalBytes: nonNegativeInt, freeBytes: nonNegativeInt }).nullable(),
  gpus: z.array(gpuInfoSchema).max(64),
  /** Null when nvidia-smi did not answer (no driver, mismatch, not installed). */
  driverVersion: z.string().min(1).max(20).nullable(),
  /** The highest CUDA version the driver supports, "12.4"; the server stores it as 124. */
  cudaVersion: z
    .string()
    .regex(/^\d{1,3}\.\d{1,3}$/)
    .nullable(),
  docker: z.object({ version: z.string().min(1).max(40), apiVersion: z.string().min(1).max(20) }).nullable(),
});
export type Hardware = z.infer<typeof hardwareSchema>;
export type GpuInfo = z.infer<typeof gpuInfoSchema>;

/** Codes are issued by the app and typed by a person, so they are trimmed and case-folded here. */
export const pairingCodeField = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9-]{4,64}$/, { error: "pairing code must be 4-64 letters, digits or dashes" });

/** POST /api/v1/agent/pair, no auth: the one-time code is the proof. */
export const pairRequestSchema = z.object({ code: pairingCodeField, hostname: hostnameField, hardware: hardwareSchema });
export type PairRequest = z.infer<typeof pairRequestSchema>;

/** 201 answer to a pairing. `credential` is machine-scoped and goes in `Authorization: Bearer` from then on. */
export const pairResponseSchema = z.object({
  machineId: z.string().min(1).max(64),
  listingId: z.string().min(1).max(64),
  credential: z.string().min(16).max(512),
});
export type PairResponse = z.infer<typeof pairResponseSchema>;

/** POST /api/v1/agent/report, sent once each time `run` starts (hardware can change between boots). */
export const reportRequestSchema = z.object({ hardware: hardwareSchema });
export type ReportRequest = z.infer<typeof reportRequestSchema>;

/** One GPU's live numbers; null where nvidia-smi answered [N/A]. */
export const gpuSampleSchema = z.object({
  uuid: gpuUuidField,
  utilizationPct: z.number().min(0).max(100).nullable(),
  memoryUsedMiB: nonNegativeInt.nullable(),
  temperatureC: z.number().min(-50).max(150).nullable(),
});
export type GpuSample = z.infer<typeof gpuSampleSchema>;

/** POST /api/v1/agent/heartbeat every IDLEGRID_AGENT_HEARTBEAT_SECONDS. */
export const heartbeatRequestSchema = z.object({
  /** When the sample was taken, by the host's clock. */
  at: z.iso.datetime(),
  gpus: z.array(gpuSampleSchema).max(64),
  /** Set when sampling failed (say the driver broke after start-up); `gpus` is then empty. */
  gpuError: z.string().min(1).max(300).optional(),
});
export type HeartbeatRequest = z.infer<typeof heartbeatRequestSchema>;

const mbPerSecond = z.number().nonnegative();

export const benchGpuDeviceSchema = z.object({
  index: nonNegativeInt,
  name: z.string().min(1).max(120),
  /** Dense bf16 matmul, 10^12 FLOP/s. */
  matmulTflops: z.number().nonnegative(),
  /** Device-to-device copy, 10^9 bytes/s counting read and write. */
  memoryBandwidthGBs: z.number().nonnegative(),
  /** Pinned host memory to the device, 10^9 bytes/s. */
  hostToDeviceGBs: z.number().nonnegative(),
});

/** POST /api/v1/agent/bench-receipts with `bench --upload`. Self-measured: evidence for a reviewer, not proof. */
export const benchReceiptSchema = z.object({
  kind: z.literal("idlegrid-bench"),
  version: z.literal(1),
  machineId: z.string().min(1).max(64).nullable(),
  hostname: hostnameField,
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime(),
  disk: z
    .object({
      path: z.string().min(1).max(4096),
      sizeBytes: z.number().int().positive(),
      writeMBps: mbPerSecond,
      readMBps: mbPerSecond,
      /** The read-back can come from the page cache; the write figure includes fsync and cannot. */
      readMayBeCached: z.boolean(),
    })
    .nullable(),
  download: z
    .object({
      url: z.url(),
      bytes: z.number().int().positive(),
      seconds: z.number().positive(),
      megabitsPerSecond: z.number().nonnegative(),
    })
    .nullable(),
  gpu: z.object({ devices: z.array(benchGpuDeviceSchema).min(1).max(64) }).nullable(),
  /** Why a part was not measured ("torch not installed", "no --download-url"). */
  skipped: z.array(z.object({ part: z.enum(["disk", "download", "gpu"]), reason: z.string().min(1).max(300) })).max(3),
  tools: z.object({
    agent: z.string().min(1).max(40),
    node: z.string().min(1).max(40),
    python: z.string().max(40).nullable(),
    torch: z.string().max(40).nullable(),
    torchCuda: z.string().max(40).nullable(),
    driver: z.string().max(20).nullable(),
    cuda: z.string().max(20).nullable(),
  }),
});
export type BenchReceipt = z.infer<typeof benchReceiptSchema>;

/** What error answers are expected to look like; the agent shows `error` when present. */
export const errorResponseSchema = z.object({ error: z.string() }).loose();
