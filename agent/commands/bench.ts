/**
 * `bench`: measures disk, download and (with PyTorch) GPU throughput and prints a receipt; with
 * --upload it is posted for the machine. Parts that cannot run are listed as skipped with the reason,
 * never silently left out.
 */
import os from "node:os";
import { benchDisk } from "../bench/disk";
import { benchDownload } from "../bench/download";
import { benchGpus, probeTorch } from "../bench/gpu";
import { readConfig } from "../config";
import { detectGpus } from "../detect/gpus";
import type { AgentEnv } from "../env";
import { AgentError, exitCodes, type Io } from "../errors";
import { apiUrl, postJson } from "../http";
import { agentApi, type BenchReceipt, benchReceiptSchema } from "../protocol";
import { AGENT_VERSION } from "../version";

export interface BenchOptions {
  diskSizeMb: number;
  dir: string | undefined;
  /** Later the server will name a download URL; until then the provider passes one. */
  downloadUrl: string | undefined;
  gpu: boolean;
  upload: boolean;
  json: boolean;
}

type Skipped = BenchReceipt["skipped"][number];

function formatReceipt(r: BenchReceipt): string {
  const lines = [`Idlegrid bench receipt · ${r.hostname} · ${r.startedAt} → ${r.finishedAt}`];
  if (r.disk)
    lines.push(
      `Disk      ${r.disk.path}: write ${r.disk.writeMBps} MB/s (fsync), read ${r.disk.readMBps} MB/s${r.disk.readMayBeCached ? " (may be page cache)" : ""}, ${r.disk.sizeBytes / 1e6} MB`,
    );
  if (r.download)
    lines.push(
      `Download  ${r.download.megabitsPerSecond} Mbit/s (${r.download.bytes} bytes in ${r.download.seconds} s from ${r.download.url})`,
    );
  for (const d of r.gpu?.devices ?? []) {
    lines.push(
      `GPU ${d.index}     ${d.name}: ${d.matmulTflops} TFLOPS bf16, ${d.memoryBandwidthGBs} GB/s memory, ${d.hostToDeviceGBs} GB/s host→device`,
    );
  }
  for (const s of r.skipped) lines.push(`Skipped   ${s.part}: ${s.reason}`);
  const t = r.tools;
  lines.push(
    `Tools     agent ${t.agent}, node ${t.node}, python ${t.python ?? "-"}, torch ${t.torch ?? "-"} (CUDA ${t.torchCuda ?? "-"}), driver ${t.driver ?? "-"}, CUDA ${t.cuda ?? "-"}`,
  );
  return lines.join("\n");
}

export async function bench(env: AgentEnv, options: BenchOptions, io: Io): Promise<number> {
  if (!Number.isInteger(options.diskSizeMb) || options.diskSizeMb < 1)
    throw new AgentError("--disk-size-mb must be a whole number of MB, at least 1", exitCodes.usage);
  // Check pairing first: a long benchmark that cannot be uploaded at the end wastes the provider's time.
  const config = options.upload ? await readConfig(env.home) : null;
  if (options.upload && !config)
    throw new AgentError("--upload needs a paired machine: run idlegrid-agent pair <code> first", exitCodes.config);

  const startedAt = new Date().toISOString();
  const skipped: Skipped[] = [];
  const log = (text: string) => io.err(`bench: ${text}`);

  const dir = options.dir ?? env.dataDir;
  log(`disk: writing ${options.diskSizeMb} MB in ${dir}`);
  const disk = await benchDisk(dir, options.diskSizeMb * 1_000_000).catch((e: Error) => {
    skipped.push({ part: "disk", reason: e.message.slice(0, 300) });
    return null;
  });

  let download: BenchReceipt["download"] = null;
  if (options.downloadUrl) {
    log(`download: ${options.downloadUrl}`);
    download = await benchDownload(options.downloadUrl).catch((e: Error) => {
      skipped.push({ part: "download", reason: e.message.slice(0, 300) });
      return null;
    });
  } else skipped.push({ part: "download", reason: "no --download-url given" });

  const [probe, nvidia] = await Promise.all([probeTorch(env.python), detectGpus(env.nvidiaSmi)]);
  let gpu: BenchReceipt["gpu"] = null;
  if (!options.gpu) skipped.push({ part: "gpu", reason: "--no-gpu given" });
  else if (!probe.ok) skipped.push({ part: "gpu", reason: `${probe.reason}; GPU part skipped` });
  else {
    log("gpu: running the PyTorch benchmark on every GPU");
    const result = await benchGpus(env.python);
    if (result.ok) gpu = { devices: result.devices };
    else skipped.push({ part: "gpu", reason: result.reason.slice(0, 300) });
  }

  const receipt: BenchReceipt = {
    kind: "idlegrid-bench",
    version: 1,
    machineId: config?.machineId ?? null,
    hostname: os.hostname(),
    startedAt,
    finishedAt: new Date().toISOString(),
    disk,
    download,
    gpu,
    skipped,
    tools: {
      agent: AGENT_VERSION,
      node: process.version,
      python: probe.python,
      torch: probe.torch,
      torchCuda: probe.ok ? probe.torchCuda : null,
      driver: nvidia.ok ? nvidia.driverVersion : null,
      cuda: nvidia.ok ? nvidia.cudaVersion : null,
    },
  };
  benchReceiptSchema.parse(receipt);
  io.out(options.json ? JSON.stringify(receipt, null, 2) : formatReceipt(receipt));

  if (config) {
    const out = await postJson(apiUrl(config.server, agentApi.benchReceipts), receipt, {
      credential: config.credential,
      timeoutMs: 30_000,
    });
    switch (out.kind) {
      case "ok":
        log(`receipt uploaded to ${config.server} (HTTP ${out.status})`);
        break;
      case "auth":
        throw new AgentError(`upload refused: the credential was revoked (${out.message}); pair again`, exitCodes.config);
      case "rejected":
        throw new AgentError(`upload rejected by ${config.server}: ${out.message}`);
      case "retry":
        throw new AgentError(`upload failed, ${config.server} unreachable: ${out.reason}; the receipt above was not stored`);
    }
  }
  return exitCodes.ok;
}
