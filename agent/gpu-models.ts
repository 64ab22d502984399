/**
 * Maps the product name a driver reports ("NVIDIA A100-SXM4-80GB") to a GPU catalog id. Pure and
 * dependency-free so the server can run the same function on a reported name. The catalog import is
 * type-only: it checks the ids at compile time and is erased at run time, so the agent does not load
 * app code.
 *
 * A name either maps to exactly one model or to none. Guessing would list a machine as something it
 * is not, so anything ambiguous (an "NVIDIA H100" that does not say SXM or PCIe, an A100 whose memory
 * is unknown and whose name has no size) returns null and is flagged for review.
 */
import type { GpuModelId } from "@/lib/listings/gpu-catalog";

interface ModelRule {
  id: GpuModelId;
  /** Tested against the normalized name (see normalizeGpuName). */
  pattern: RegExp;
  /** Nominal memory in GB as sold, which is also the catalog's vramGb. */
  gb: number;
}

// Names as nvidia-smi and rocm-smi print them, normalized. Anchored so variants with other specs
// ("RTX 4090 D", "RTX 3090 Ti", "H100 NVL" vs "H100 PCIe", "Quadro RTX 6000") do not match, and a
// bare "H100" (no SXM/PCIe/NVL) matches nothing.
const rules: readonly ModelRule[] = [
  { id: "B200", pattern: /^B200( \d+GB)?( HBM3E)?$/, gb: 180 },
  { id: "H200", pattern: /^H200( SXM\d?)?( \d+GB)?( HBM3E)?$/, gb: 141 },
  { id: "H100-SXM", pattern: /^H100( SXM\d?( \d+GB)?| \d+GB HBM3)$/, gb: 80 },
  { id: "H100-NVL", pattern: /^H100 NVL$/, gb: 94 },
  { id: "H100-PCIE", pattern: /^H100 PCIE( \d+GB)?$/, gb: 80 },
  { id: "A100-SXM-80", pattern: /^A100 SXM\d?( \d+GB)?$/, gb: 80 },
  { id: "A100-SXM-40", pattern: /^A100 SXM\d?( \d+GB)?$/, gb: 40 },
  { id: "A100-PCIE-80", pattern: /^A100( \d+GB)? PCIE( \d+GB)?$/, gb: 80 },
  { id: "A100-PCIE-40", pattern: /^A100( \d+GB)? PCIE( \d+GB)?$/, gb: 40 },
  { id: "L40S", pattern: /^L40S$/, gb: 48 },
  { id: "L40", pattern: /^L40$/, gb: 48 },
  { id: "L4", pattern: /^L4$/, gb: 24 },
  { id: "A40", pattern: /^A40$/, gb: 48 },
  { id: "A10", pattern: /^A10$/, gb: 24 },
  { id: "V100-SXM-32", pattern: /^V100 SXM2( \d+GB)?$/, gb: 32 },
  { id: "V100-PCIE-16", pattern: /^V100 PCIE( \d+GB)?$/, gb: 16 },
  { id: "T4", pattern: /^T4$/, gb: 16 },
  { id: "RTX-6000-ADA", pattern: /^RTX 6000 ADA( GENERATION)?$/, gb: 48 },
  { id: "RTX-A6000", pattern: /^RTX A6000$/, gb: 48 },
  { id: "RTX-A5000", pattern: /^RTX A5000$/, gb: 24 },
  { id: "RTX-A4000", pattern: /^RTX A4000$/, gb: 16 },
  { id: "RTX-5090", pattern: /^RTX 5090$/, gb: 32 },
  { id: "RTX-4090", pattern: /^RTX 4090$/, gb: 24 },
  { id: "RTX-3090", pattern: /^RTX 3090$/, gb: 24 },
  { id: "MI325X", pattern: /^MI325X$/, gb: 256 },
  { id: "MI300X", pattern: /^MI300X$/, gb: 192 },
  { id: "MI250X", pattern: /^MI250X$/, gb: 128 },
  { id: "MI210", pattern: /^MI210$/, gb: 64 },
];

/** Upper-case, vendor and brand words dropped, dashes and underscores as spaces: "NVIDIA A100-SXM4-80GB" → "A100 SXM4 80GB". */
export function normalizeGpuName(name: string): string {
  return name
    .toUpperCase()
    .replace(/[-_/]+/g, " ")
    .replace(/\b(NVIDIA|TESLA|GEFORCE|AMD|INSTINCT|RADEON)\b/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Whether `memoryMiB` is what a card sold as `gb` reports. Drivers report less than the nominal size
 * (ECC and reserved memory: an "80 GB" H100 shows 81559 MiB, a 48 GB L40S 46068 MiB, a 16 GB T4
 * 15360 MiB), so the window is 85-105 % of nominal; that still keeps 40 and 80 GB apart and catches
 * re-memoried cards (a 48 GB "RTX 4090").
 */
function memoryFits(memoryMiB: number, gb: number): boolean {
  const nominalMiB = gb * 1024;
  return memoryMiB >= nominalMiB * 0.85 && memoryMiB <= nominalMiB * 1.05;
}

/** The "80GB" in a name, if it says one. */
function sizeInName(normalized: string): number | null {
  const m = /\b(\d+)GB\b/.exec(normalized);
  return m ? Number(m[1]) : null;
}

/**
 * The catalog id for a reported GPU, or null when it is not in the catalog or cannot be told apart.
 * `memoryMiB` is nvidia-smi's memory.total; pass null when unknown and the name alone decides.
 */
export function catalogIdForGpu(name: string, memoryMiB: number | null): GpuModelId | null {
  const normalized = normalizeGpuName(name);
  // Laptop parts share names with desktop cards but not their clocks or power.
  if (/\b(LAPTOP|MOBILE|MAX Q)\b/.test(normalized)) return null;
  const named = sizeInName(normalized);
  const candidates = rules.filter((rule) => {
    if (!rule.pattern.test(normalized)) return false;
    if (memoryMiB !== null) return memoryFits(memoryMiB, rule.gb);
    return named === null || named === rule.gb;
  });
  return candidates.length === 1 ? (candidates[0]?.id ?? null) : null;
}

/** The ids the rules can produce, with their nominal memory, so a test can check them against the catalog. */
export function ruleModels(): ReadonlyArray<{ id: GpuModelId; gb: number }> {
  return rules.map(({ id, gb }) => ({ id, gb }));
}
