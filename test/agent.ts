/** Builders for machine-agent tests: hardware reports as the agent sends them, and machines paired through the real pairing code path. */
import { catalogIdForGpu } from "@/agent/gpu-models";
import type { Hardware, HeartbeatRequest } from "@/agent/protocol";
import { demoGpuUuid, nvidiaGpus } from "@/dev/agent-profiles";
import { issuePairingCode, pairAgent } from "@/lib/machines/server/pairing";
import { createMachine, createUser } from "@/test/factories";
import { randomIp } from "@/test/auth";
import { createHash } from "node:crypto";

/** A report of `count` GPUs of a catalog model (or a made-up name with `name` and `memoryMiB`). */
export function hardwareReport(opts: { model?: string; count?: number; name?: string; memoryMiB?: number; seed?: string } = {}): Hardware {
  const [knownName, knownMemory] = nvidiaGpus[opts.model ?? "RTX-4090"] ?? ["NVIDIA GeForce RTX 4090", 24564];
  const name = opts.name ?? knownName;
  const memoryMiB = opts.memoryMiB ?? knownMemory;
  const catalogId = catalogIdForGpu(name, memoryMiB);
  const seed = opts.seed ?? `${Date.now()}-${Math.random()}`;
  return {
    agentVersion: "0.1.0",
    hostname: "gpu-host-1",
    os: { platform: "linux", distro: "Ubuntu 22.04.4 LTS", kernel: "6.5.0-41-generic", arch: "x64" },
    cpu: { model: "AMD EPYC 7763 64-Core Processor", cores: 16, threads: 32 },
    memoryMiB: 65536,
    disk: { path: "/var/lib/idlegrid", totalBytes: 1_000_000_000_000, freeBytes: 800_000_000_000 },
    gpus: Array.from({ length: opts.count ?? 1 }, (_, index) => ({
      index,
      name,
      uuid: demoGpuUuid(seed, index),
      memoryMiB,
      powerLimitW: 450,
      pcieGen: 4,
      pcieWidth: 16,
      catalogId,
      unknown: catalogId === null,
    })),
    driverVersion: "550.127.05",
    cudaVersion: "12.4",
    docker: { version: "27.3.1", apiVersion: "1.47" },
  };
}

/** A heartbeat naming the report's GPUs. */
export function heartbeatFor(hw: Hardware, at = new Date(), util = 50): HeartbeatRequest {
  return {
    at: at.toISOString(),
    gpus: hw.gpus.map((g) => ({ uuid: g.uuid, utilizationPct: util, memoryUsedMiB: 1000, temperatureC: 60 })),
  };
}

export const clientKeyOf = (ip = randomIp()) => createHash("sha256").update(ip).digest("hex");

/** A live machine of a fresh provider, paired with an agent reporting `hw` (default: matching hardware). */
export async function pairedMachine(opts: { model?: string; count?: number; hw?: Hardware; now?: Date } = {}) {
  const provider = await createUser();
  const machine = await createMachine(provider.id, { gpuModel: opts.model ?? "RTX-4090", gpuCount: opts.count ?? 1 });
  const hw = opts.hw ?? hardwareReport({ model: machine.gpuModel, count: machine.gpuCount });
  const { code } = await issuePairingCode({ userId: provider.id }, machine.id, opts.now);
  const paired = await pairAgent({ code, hostname: hw.hostname, hardware: hw }, clientKeyOf(), opts.now);
  return { provider, machine, hw, credential: paired.credential, paired };
}
