import { describe, expect, it } from "vitest";
import { gpuCatalog, gpuFamilies, gpuLabel, gpuSpec, modelsMatching, shortGpuName } from "@/lib/listings/gpu-catalog";

describe("GPU catalog", () => {
  it("covers at least 25 current GPUs with unique ids", () => {
    expect(gpuCatalog.length).toBeGreaterThanOrEqual(25);
    expect(new Set(gpuCatalog.map((g) => g.id)).size).toBe(gpuCatalog.length);
  });

  it("includes the GPUs buyers ask for by name", () => {
    for (const id of [
      "H200",
      "H100-SXM",
      "H100-PCIE",
      "A100-SXM-80",
      "A100-SXM-40",
      "L40S",
      "L4",
      "RTX-5090",
      "RTX-4090",
      "RTX-3090",
      "RTX-6000-ADA",
      "RTX-A6000",
      "V100-SXM-32",
      "T4",
      "MI300X",
    ]) {
      expect(gpuSpec(id), id).toBeDefined();
    }
  });

  it("shortens names for tables without losing the model", () => {
    expect(shortGpuName("NVIDIA GeForce RTX 4090")).toBe("RTX 4090");
    expect(shortGpuName("NVIDIA A100 SXM 80 GB")).toBe("A100 SXM 80 GB");
    expect(shortGpuName("AMD Instinct MI300X")).toBe("Instinct MI300X");
    expect(new Set(gpuCatalog.map((g) => shortGpuName(g.name))).size).toBe(gpuCatalog.length);
    expect(gpuLabel("A100-SXM-40")).toBe("A100 SXM 40 GB");
    expect(gpuLabel("RETIRED-GPU")).toBe("RETIRED-GPU");
  });

  it("groups variants into families buyers name, without a family id that means another model", () => {
    expect(gpuFamilies.find((f) => f.id === "H100")?.models).toEqual(["H100-SXM", "H100-NVL", "H100-PCIE"]);
    expect(gpuFamilies.find((f) => f.id === "A100")?.models).toEqual(["A100-SXM-80", "A100-SXM-40", "A100-PCIE-80", "A100-PCIE-40"]);
    expect(gpuFamilies.flatMap((f) => f.models).sort()).toEqual(gpuCatalog.map((g) => g.id).sort());
    for (const family of gpuFamilies) {
      // A family named like a model is that model alone; otherwise "H200" could silently mean more than the H200.
      if (gpuSpec(family.id)) expect(family.models, family.id).toEqual([family.id]);
      // Variants share the vendor and architecture, so a family filter never mixes generations.
      expect(new Set(family.models.map((m) => `${gpuSpec(m)?.vendor} ${gpuSpec(m)?.architecture}`)).size, family.id).toBe(1);
    }
  });

  it("resolves a filter value to a model, a family's variants, or nothing", () => {
    expect(modelsMatching("H100-PCIE")).toEqual(["H100-PCIE"]);
    expect(modelsMatching("H100")).toEqual(["H100-SXM", "H100-NVL", "H100-PCIE"]);
    expect(modelsMatching("L4")).toEqual(["L4"]);
    expect(modelsMatching("H900")).toBeUndefined();
    expect(modelsMatching("h100")).toBeUndefined();
  });

  it("has plausible specifications", () => {
    for (const g of gpuCatalog) {
      expect(g.vramGb, g.id).toBeGreaterThanOrEqual(16);
      expect(g.vramGb, g.id).toBeLessThanOrEqual(288);
      expect(g.tflops, g.id).toBeGreaterThan(10);
      expect(g.memoryBandwidthGBs, g.id).toBeGreaterThan(200);
    }
    // Spot checks against published datasheets.
    expect(gpuSpec("H100-SXM")).toMatchObject({ vramGb: 80, tflops: 989, memoryBandwidthGBs: 3350 });
    expect(gpuSpec("MI300X")).toMatchObject({ vramGb: 192, memoryBandwidthGBs: 5300 });
    expect(gpuSpec("RTX-4090")).toMatchObject({ vramGb: 24, memoryBandwidthGBs: 1008 });
  });
});
