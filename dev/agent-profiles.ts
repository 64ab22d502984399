/**
 * How the demo machines look to the agent: for each NVIDIA catalog model, the name the driver reports
 * and the memory.total it shows, and a fake nvidia-smi profile (agent/fake/nvidia-smi) for a listing.
 * Used by `npm run dev`'s simulated agents and by tests; AMD models have no nvidia-smi and no profile.
 */
import { createHash } from "node:crypto";

/** [driver name, memory.total in MiB] as real cards report them (ECC and reserved memory make it less than nominal). */
export const nvidiaGpus: Record<string, readonly [string, number]> = {
  B200: ["NVIDIA B200", 183359],
  H200: ["NVIDIA H200", 143771],
  "H100-SXM": ["NVIDIA H100 80GB HBM3", 81559],
  "H100-NVL": ["NVIDIA H100 NVL", 95830],
  "H100-PCIE": ["NVIDIA H100 PCIe", 81559],
  "A100-SXM-80": ["NVIDIA A100-SXM4-80GB", 81920],
  "A100-SXM-40": ["NVIDIA A100-SXM4-40GB", 40960],
  "A100-PCIE-80": ["NVIDIA A100 80GB PCIe", 81920],
  "A100-PCIE-40": ["NVIDIA A100-PCIE-40GB", 40960],
  L40S: ["NVIDIA L40S", 46068],
  L40: ["NVIDIA L40", 46068],
  L4: ["NVIDIA L4", 23034],
  A40: ["NVIDIA A40", 46068],
  A10: ["NVIDIA A10", 23028],
  "V100-SXM-32": ["Tesla V100-SXM2-32GB", 32768],
  "V100-PCIE-16": ["Tesla V100-PCIE-16GB", 16384],
  T4: ["Tesla T4", 15360],
  "RTX-6000-ADA": ["NVIDIA RTX 6000 Ada Generation", 49140],
  "RTX-A6000": ["NVIDIA RTX A6000", 49140],
  "RTX-A5000": ["NVIDIA RTX A5000", 24564],
  "RTX-A4000": ["NVIDIA RTX A4000", 16376],
  "RTX-5090": ["NVIDIA GeForce RTX 5090", 32607],
  "RTX-4090": ["NVIDIA GeForce RTX 4090", 24564],
  "RTX-3090": ["NVIDIA GeForce RTX 3090", 24576],
};

/** A stable GPU UUID per machine and index, so a restarted demo agent reports the same GPUs. */
export function demoGpuUuid(machineId: string, index: number): string {
  const h = createHash("sha256").update(`${machineId}:${index}`).digest("hex");
  return `GPU-${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

export interface FakeGpuProfile {
  driverVersion: string;
  cudaVersion: string;
  gpus: { name: string; uuid: string; memoryMiB: number; powerLimitW: number; pcieGen: number; pcieWidth: number }[];
}

/** The fake nvidia-smi's JSON profile for a listing, or null for a model nvidia-smi cannot show (AMD). */
export function fakeProfileFor(machine: {
  id: string;
  gpuModel: string;
  gpuCount: number;
  cudaVersion: number;
  driverVersion: string;
}): FakeGpuProfile | null {
  const gpu = nvidiaGpus[machine.gpuModel];
  if (!gpu || machine.cudaVersion === 0) return null;
  const [name, memoryMiB] = gpu;
  return {
    driverVersion: /^\d+(\.\d+)+$/.test(machine.driverVersion) ? machine.driverVersion : "550.127.05",
    cudaVersion: `${Math.floor(machine.cudaVersion / 10)}.${machine.cudaVersion % 10}`,
    gpus: Array.from({ length: machine.gpuCount }, (_, i) => ({
      name,
      uuid: demoGpuUuid(machine.id, i),
      memoryMiB,
      powerLimitW: 350,
      pcieGen: 4,
      pcieWidth: 16,
    })),
  };
}
