import { describe, expect, it } from "vitest";
import { catalogIdForGpu } from "@/agent/gpu-models";
import { nvidiaGpus } from "@/dev/agent-profiles";
import { gpuSpec } from "@/lib/listings/gpu-catalog";
import { cudaNumber, hardwareDiff, measuredHardware, sameDiff, vramFits } from "@/lib/machines/hardware";
import { hardwareReport } from "@/test/agent";

describe("measured hardware", () => {
  it("works the catalog id out again from name and memory, and flags an agent whose id disagrees", () => {
    const hw = hardwareReport({ model: "A100-PCIE-80", count: 4 });
    expect(measuredHardware(hw)).toMatchObject({
      measured: { gpuModel: "A100-PCIE-80", gpuCount: 4, gpuMemoryMiB: 81920, cudaVersion: 124 },
      flags: [],
    });
    const lying = { ...hw, gpus: hw.gpus.map((g) => ({ ...g, catalogId: "H100-SXM" })) };
    expect(measuredHardware(lying)).toMatchObject({ measured: { gpuModel: "A100-PCIE-80" }, flags: ["catalog_mismatch"] });
  });

  it("flags mixed, unknown, missing and duplicated GPUs", () => {
    const a = hardwareReport({ model: "RTX-4090", seed: "a" });
    const b = hardwareReport({ model: "RTX-3090", seed: "b" });
    expect(measuredHardware({ ...a, gpus: [...a.gpus, { ...b.gpus[0]!, index: 1 }] }).flags).toEqual(["mixed_gpus"]);
    expect(measuredHardware({ ...a, gpus: [a.gpus[0]!, { ...a.gpus[0]!, index: 1 }] }).flags).toEqual(["duplicate_gpu"]);
    expect(measuredHardware({ ...a, gpus: [] })).toMatchObject({
      measured: { gpuModel: null, gpuCount: 0, gpuMemoryMiB: null },
      flags: ["no_gpus"],
    });
    expect(measuredHardware(hardwareReport({ name: "NVIDIA H100", memoryMiB: 81559 })).flags).toEqual(["unknown_gpu"]);
  });

  it("reads CUDA like the listing stores it", () => {
    expect([cudaNumber("12.4"), cudaNumber("11.8"), cudaNumber("13.0"), cudaNumber(null)]).toEqual([124, 118, 130, null]);
  });
});

describe("declared against measured", () => {
  it("differs on model, count and VRAM outside the window drivers report", () => {
    expect(vramFits(80, 81559)).toBe(true);
    expect(vramFits(40, 81920)).toBe(false);
    expect(vramFits(24, 16376)).toBe(false);
    const measured = { gpuModel: "RTX-4090", gpuName: "NVIDIA GeForce RTX 4090", gpuCount: 1, gpuMemoryMiB: 24564 };
    expect(hardwareDiff({ gpuModel: "RTX-4090", gpuCount: 1, vramGb: 24 }, measured)).toEqual([]);
    expect(hardwareDiff({ gpuModel: "RTX-4090", gpuCount: 2, vramGb: 24 }, measured)).toEqual([
      { field: "gpuCount", declared: 2, measured: 1 },
    ]);
    expect(hardwareDiff({ gpuModel: "L4", gpuCount: 1, vramGb: 24 }, { ...measured, gpuModel: null })).toEqual([
      { field: "gpuModel", declared: "L4", measured: "NVIDIA GeForce RTX 4090" },
    ]);
  });

  it("tells the same difference from a new one, whatever the order", () => {
    const d = hardwareDiff(
      { gpuModel: "H100-SXM", gpuCount: 8, vramGb: 80 },
      { gpuModel: "RTX-4090", gpuName: "x", gpuCount: 1, gpuMemoryMiB: 24564 },
    );
    expect(sameDiff(d, [...d].reverse())).toBe(true);
    expect(sameDiff(d, d.slice(1))).toBe(false);
    expect(sameDiff(d, null)).toBe(false);
  });
});

describe("the demo profiles", () => {
  it.each(Object.entries(nvidiaGpus))("%s reports a name and memory that map back to it", (id, [name, memoryMiB]) => {
    expect(catalogIdForGpu(name, memoryMiB)).toBe(id);
    expect(vramFits(gpuSpec(id)?.vramGb ?? 0, memoryMiB)).toBe(true);
  });
});
