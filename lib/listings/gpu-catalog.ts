/**
 * The GPUs a machine can be listed with, and their published specifications.
 * `tflops` is dense (no sparsity) FP16/BF16 tensor throughput with FP32
 * accumulation, the figure that matters for mixed-precision training; GeForce
 * cards run FP32 accumulation at half the rate of FP16 accumulation, which is
 * why an RTX 4090 shows 165 rather than the 330 in marketing material.
 * `memoryBandwidthGBs` is in GB/s.
 */
export type GpuVendor = "NVIDIA" | "AMD";
export type GpuSegment = "datacenter" | "workstation" | "consumer";

export interface GpuSpec {
  /** Stable key stored on listings. */
  id: string;
  /**
   * What buyers ask for when any variant will do ("H100" for SXM, PCIe and NVL). A model without
   * variants is its own family, so a family id is either a model id of the same model or no model id at all.
   */
  family: string;
  name: string;
  vendor: GpuVendor;
  segment: GpuSegment;
  architecture: string;
  vramGb: number;
  tflops: number;
  memoryBandwidthGBs: number;
}

export const gpuCatalog = [
  {
    id: "B200",
    family: "B200",
    name: "NVIDIA B200",
    vendor: "NVIDIA",
    segment: "datacenter",
    architecture: "Blackwell",
    vramGb: 180,
    tflops: 2250,
    memoryBandwidthGBs: 7700,
  },
  {
    id: "H200",
    family: "H200",
    name: "NVIDIA H200 SXM",
    vendor: "NVIDIA",
    segment: "datacenter",
    architecture: "Hopper",
    vramGb: 141,
    tflops: 989,
    memoryBandwidthGBs: 4800,
  },
  {
    id: "H100-SXM",
    family: "H100",
    name: "NVIDIA H100 SXM",
    vendor: "NVIDIA",
    segment: "datacenter",
    architecture: "Hopper",
    vramGb: 80,
    tflops: 989,
    memoryBandwidthGBs: 3350,
  },
  {
    id: "H100-NVL",
    family: "H100",
    name: "NVIDIA H100 NVL",
    vendor: "NVIDIA",
    segment: "datacenter",
    architecture: "Hopper",
    vramGb: 94,
    tflops: 835,
    memoryBandwidthGBs: 3900,
  },
  {
    id: "H100-PCIE",
    family: "H100",
    name: "NVIDIA H100 PCIe",
    vendor: "NVIDIA",
    segment: "datacenter",
    architecture: "Hopper",
    vramGb: 80,
    tflops: 756,
    memoryBandwidthGBs: 2000,
  },
  {
    id: "A100-SXM-80",
    family: "A100",
    name: "NVIDIA A100 SXM 80 GB",
    vendor: "NVIDIA",
    segment: "datacenter",
    architecture: "Ampere",
    vramGb: 80,
    tflops: 312,
    memoryBandwidthGBs: 2039,
  },
  {
    id: "A100-SXM-40",
    family: "A100",
    name: "NVIDIA A100 SXM 40 GB",
    vendor: "NVIDIA",
    segment: "datacenter",
    architecture: "Ampere",
    vramGb: 40,
    tflops: 312,
    memoryBandwidthGBs: 1555,
  },
  {
    id: "A100-PCIE-80",
    family: "A100",
    name: "NVIDIA A100 PCIe 80 GB",
    vendor: "NVIDIA",
    segment: "datacenter",
    architecture: "Ampere",
    vramGb: 80,
    tflops: 312,
    memoryBandwidthGBs: 1935,
  },
  {
    id: "A100-PCIE-40",
    family: "A100",
    name: "NVIDIA A100 PCIe 40 GB",
    vendor: "NVIDIA",
    segment: "datacenter",
    architecture: "Ampere",
    vramGb: 40,
    tflops: 312,
    memoryBandwidthGBs: 1555,
  },
  {
    id: "L40S",
    family: "L40S",
    name: "NVIDIA L40S",
    vendor: "NVIDIA",
    segment: "datacenter",
    architecture: "Ada Lovelace",
    vramGb: 48,
    tflops: 362,
    memoryBandwidthGBs: 864,
  },
  {
    id: "L40",
    family: "L40",
    name: "NVIDIA L40",
    vendor: "NVIDIA",
    segment: "datacenter",
    architecture: "Ada Lovelace",
    vramGb: 48,
    tflops: 181,
    memoryBandwidthGBs: 864,
  },
  {
    id: "L4",
    family: "L4",
    name: "NVIDIA L4",
    vendor: "NVIDIA",
    segment: "datacenter",
    architecture: "Ada Lovelace",
    vramGb: 24,
    tflops: 121,
    memoryBandwidthGBs: 300,
  },
  {
    id: "A40",
    family: "A40",
    name: "NVIDIA A40",
    vendor: "NVIDIA",
    segment: "datacenter",
    architecture: "Ampere",
    vramGb: 48,
    tflops: 150,
    memoryBandwidthGBs: 696,
  },
  {
    id: "A10",
    family: "A10",
    name: "NVIDIA A10",
    vendor: "NVIDIA",
    segment: "datacenter",
    architecture: "Ampere",
    vramGb: 24,
    tflops: 125,
    memoryBandwidthGBs: 600,
  },
  {
    id: "V100-SXM-32",
    family: "V100",
    name: "NVIDIA V100 SXM2 32 GB",
    vendor: "NVIDIA",
    segment: "datacenter",
    architecture: "Volta",
    vramGb: 32,
    tflops: 125,
    memoryBandwidthGBs: 900,
  },
  {
    id: "V100-PCIE-16",
    family: "V100",
    name: "NVIDIA V100 PCIe 16 GB",
    vendor: "NVIDIA",
    segment: "datacenter",
    architecture: "Volta",
    vramGb: 16,
    tflops: 112,
    memoryBandwidthGBs: 900,
  },
  {
    id: "T4",
    family: "T4",
    name: "NVIDIA T4",
    vendor: "NVIDIA",
    segment: "datacenter",
    architecture: "Turing",
    vramGb: 16,
    tflops: 65,
    memoryBandwidthGBs: 320,
  },
  {
    id: "RTX-6000-ADA",
    family: "RTX-6000-ADA",
    name: "NVIDIA RTX 6000 Ada",
    vendor: "NVIDIA",
    segment: "workstation",
    architecture: "Ada Lovelace",
    vramGb: 48,
    tflops: 364,
    memoryBandwidthGBs: 960,
  },
  {
    id: "RTX-A6000",
    family: "RTX-A6000",
    name: "NVIDIA RTX A6000",
    vendor: "NVIDIA",
    segment: "workstation",
    architecture: "Ampere",
    vramGb: 48,
    tflops: 155,
    memoryBandwidthGBs: 768,
  },
  {
    id: "RTX-A5000",
    family: "RTX-A5000",
    name: "NVIDIA RTX A5000",
    vendor: "NVIDIA",
    segment: "workstation",
    architecture: "Ampere",
    vramGb: 24,
    tflops: 111,
    memoryBandwidthGBs: 768,
  },
  {
    id: "RTX-A4000",
    family: "RTX-A4000",
    name: "NVIDIA RTX A4000",
    vendor: "NVIDIA",
    segment: "workstation",
    architecture: "Ampere",
    vramGb: 16,
    tflops: 77,
    memoryBandwidthGBs: 448,
  },
  {
    id: "RTX-5090",
    family: "RTX-5090",
    name: "NVIDIA GeForce RTX 5090",
    vendor: "NVIDIA",
    segment: "consumer",
    architecture: "Blackwell",
    vramGb: 32,
    tflops: 210,
    memoryBandwidthGBs: 1792,
  },
  {
    id: "RTX-4090",
    family: "RTX-4090",
    name: "NVIDIA GeForce RTX 4090",
    vendor: "NVIDIA",
    segment: "consumer",
    architecture: "Ada Lovelace",
    vramGb: 24,
    tflops: 165,
    memoryBandwidthGBs: 1008,
  },
  {
    id: "RTX-3090",
    family: "RTX-3090",
    name: "NVIDIA GeForce RTX 3090",
    vendor: "NVIDIA",
    segment: "consumer",
    architecture: "Ampere",
    vramGb: 24,
    tflops: 71,
    memoryBandwidthGBs: 936,
  },
  {
    id: "MI325X",
    family: "MI325X",
    name: "AMD Instinct MI325X",
    vendor: "AMD",
    segment: "datacenter",
    architecture: "CDNA 3",
    vramGb: 256,
    tflops: 1307,
    memoryBandwidthGBs: 6000,
  },
  {
    id: "MI300X",
    family: "MI300X",
    name: "AMD Instinct MI300X",
    vendor: "AMD",
    segment: "datacenter",
    architecture: "CDNA 3",
    vramGb: 192,
    tflops: 1307,
    memoryBandwidthGBs: 5300,
  },
  {
    id: "MI250X",
    family: "MI250X",
    name: "AMD Instinct MI250X",
    vendor: "AMD",
    segment: "datacenter",
    architecture: "CDNA 2",
    vramGb: 128,
    tflops: 383,
    memoryBandwidthGBs: 3277,
  },
  {
    id: "MI210",
    family: "MI210",
    name: "AMD Instinct MI210",
    vendor: "AMD",
    segment: "datacenter",
    architecture: "CDNA 2",
    vramGb: 64,
    tflops: 181,
    memoryBandwidthGBs: 1638,
  },
] as const satisfies readonly GpuSpec[];

export type GpuModelId = (typeof gpuCatalog)[number]["id"];

export const gpuModelIds = gpuCatalog.map((g) => g.id) as [GpuModelId, ...GpuModelId[]];

const byId = new Map<string, GpuSpec>(gpuCatalog.map((g) => [g.id, g]));

export function gpuSpec(id: string): GpuSpec | undefined {
  return byId.get(id);
}

/** The name without the vendor and GeForce prefixes ("RTX 4090", "A100 SXM 80 GB"), for lists and tables where space is short. */
export function shortGpuName(name: string): string {
  return name.replace(/^(NVIDIA|AMD) (GeForce )?/, "");
}

/** A stored model id as people read it ("A100-SXM-40" → "A100 SXM 40 GB"); the id itself for a model no longer in the catalog. */
export function gpuLabel(id: string): string {
  const spec = byId.get(id);
  return spec ? shortGpuName(spec.name) : id;
}

export interface GpuFamily {
  id: string;
  /** In catalog order. */
  models: GpuModelId[];
}

/** Every family in catalog order with its models, derived from the catalog's `family` fields. */
export const gpuFamilies: GpuFamily[] = [
  ...gpuCatalog
    .reduce((families, g) => families.set(g.family, [...(families.get(g.family) ?? []), g.id]), new Map<string, GpuModelId[]>())
    .entries(),
].map(([id, models]) => ({ id, models }));

const familyById = new Map(gpuFamilies.map((f) => [f.id, f]));

/**
 * The models a `gpu` filter value stands for: a model id means that model, a family id ("H100") every
 * variant of it, anything else undefined. A model id wins over a family of the same name, which is
 * only ever that model's own one-member family.
 */
export function modelsMatching(value: string): GpuModelId[] | undefined {
  const model = byId.get(value);
  if (model) return [model.id as GpuModelId];
  return familyById.get(value)?.models;
}
