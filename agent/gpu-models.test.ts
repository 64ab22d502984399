import { describe, expect, it } from "vitest";
import { gpuSpec } from "@/lib/listings/gpu-catalog";
import { catalogIdForGpu, normalizeGpuName, ruleModels } from "./gpu-models";

describe("catalogIdForGpu", () => {
  // [name as the driver prints it, memory.total in MiB as nvidia-smi reports it, expected id]
  it.each([
    ["NVIDIA H100 80GB HBM3", 81559, "H100-SXM"],
    ["NVIDIA H100 PCIe", 81559, "H100-PCIE"],
    ["NVIDIA H100 NVL", 95830, "H100-NVL"],
    ["NVIDIA H200", 143771, "H200"],
    ["NVIDIA B200", 183359, "B200"],
    ["NVIDIA A100-SXM4-80GB", 81920, "A100-SXM-80"],
    ["NVIDIA A100-SXM4-40GB", 40960, "A100-SXM-40"],
    ["NVIDIA A100 80GB PCIe", 81920, "A100-PCIE-80"],
    ["NVIDIA A100-PCIE-40GB", 40960, "A100-PCIE-40"],
    ["NVIDIA L40S", 46068, "L40S"],
    ["NVIDIA L40", 46068, "L40"],
    ["NVIDIA L4", 23034, "L4"],
    ["NVIDIA A40", 46068, "A40"],
    ["NVIDIA A10", 23028, "A10"],
    ["Tesla V100-SXM2-32GB", 32768, "V100-SXM-32"],
    ["Tesla V100-PCIE-16GB", 16384, "V100-PCIE-16"],
    ["Tesla T4", 15360, "T4"],
    ["NVIDIA RTX 6000 Ada Generation", 49140, "RTX-6000-ADA"],
    ["NVIDIA RTX A6000", 49140, "RTX-A6000"],
    ["NVIDIA RTX A5000", 24564, "RTX-A5000"],
    ["NVIDIA RTX A4000", 16376, "RTX-A4000"],
    ["NVIDIA GeForce RTX 5090", 32607, "RTX-5090"],
    ["NVIDIA GeForce RTX 4090", 24564, "RTX-4090"],
    ["NVIDIA GeForce RTX 3090", 24576, "RTX-3090"],
    ["AMD Instinct MI300X", 196592, "MI300X"],
  ])("%s with %i MiB is %s", (name, memoryMiB, id) => {
    expect(catalogIdForGpu(name, memoryMiB)).toBe(id);
  });

  it("lets memory, not the name's size, decide 40 against 80 GB", () => {
    // Some SKUs are named without a size; the A100 SXM came in both.
    expect(catalogIdForGpu("NVIDIA A100-SXM4", 81920)).toBe("A100-SXM-80");
    expect(catalogIdForGpu("NVIDIA A100-SXM4", 40960)).toBe("A100-SXM-40");
  });

  it("falls back to the size in the name when memory is unknown, and refuses to guess without either", () => {
    expect(catalogIdForGpu("NVIDIA A100-PCIE-40GB", null)).toBe("A100-PCIE-40");
    expect(catalogIdForGpu("NVIDIA A100 80GB PCIe", null)).toBe("A100-PCIE-80");
    expect(catalogIdForGpu("NVIDIA A100-SXM4", null)).toBeNull();
    expect(catalogIdForGpu("NVIDIA GeForce RTX 4090", null)).toBe("RTX-4090");
  });

  it.each([
    ["NVIDIA H100", 81559, "says neither SXM nor PCIe"],
    ["NVIDIA H800", 81559, "not in the catalog"],
    ["NVIDIA H200 NVL", 143771, "a different board from the H200 SXM"],
    ["NVIDIA GeForce RTX 4090 D", 24564, "a cut-down 4090"],
    ["NVIDIA GeForce RTX 3090 Ti", 24564, "faster than a 3090"],
    ["NVIDIA GeForce RTX 4090 Laptop GPU", 16376, "a laptop part"],
    ["NVIDIA GeForce RTX 4090", 49140, "re-memoried to 48 GB"],
    ["Quadro RTX 6000", 24576, "Turing, not the 6000 Ada"],
    ["NVIDIA A10G", 23028, "the AWS variant"],
    ["Tesla V100-SXM2-16GB", 16160, "the catalog has only the 32 GB SXM2"],
    ["NVIDIA GH200 480GB", 97871, "not in the catalog"],
    ["", 0, "empty"],
  ])("%j (%i MiB) is unknown: %s", (name, memoryMiB) => {
    expect(catalogIdForGpu(name, memoryMiB)).toBeNull();
  });

  it("normalizes vendor words, dashes and case", () => {
    expect(normalizeGpuName("NVIDIA A100-SXM4-80GB")).toBe("A100 SXM4 80GB");
    expect(normalizeGpuName("  nvidia geforce rtx 4090 ")).toBe("RTX 4090");
    expect(catalogIdForGpu("nvidia a100-pcie-40gb", 40960)).toBe("A100-PCIE-40");
  });

  it("only produces catalog ids, with the catalog's memory size", () => {
    for (const { id, gb } of ruleModels()) expect(gpuSpec(id)?.vramGb, id).toBe(gb);
  });
});
