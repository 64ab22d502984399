import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { gpuInfoSchema, gpuSampleSchema } from "../protocol";
import { classifyFailure, NvidiaSmiParseError, parseCudaVersion, parseInventory, parseNumberCell, parseSamples } from "./nvidia-smi";

const fixture = (profile: string, file: string) => readFileSync(path.join(import.meta.dirname, "../fixtures", profile, file), "utf8");

describe("recorded nvidia-smi output", () => {
  it.each([
    {
      profile: "h100x8",
      count: 8,
      name: "NVIDIA H100 80GB HBM3",
      catalogId: "H100-SXM",
      memoryMiB: 81559,
      driver: "535.129.03",
      cuda: "12.2",
      power: 700,
      pcieGen: 5,
    },
    {
      profile: "a100pciex4",
      count: 4,
      name: "NVIDIA A100 80GB PCIe",
      catalogId: "A100-PCIE-80",
      memoryMiB: 81920,
      driver: "550.54.15",
      cuda: "12.4",
      power: 300,
      pcieGen: 4,
    },
    {
      profile: "rtx4090",
      count: 1,
      name: "NVIDIA GeForce RTX 4090",
      catalogId: "RTX-4090",
      memoryMiB: 24564,
      driver: "570.133.07",
      cuda: "12.8",
      power: 450,
      pcieGen: 4,
    },
  ])("$profile: $count × $catalogId, driver $driver, CUDA $cuda", (c) => {
    const { gpus, driverVersion } = parseInventory(fixture(c.profile, "inventory.csv"));
    expect(driverVersion).toBe(c.driver);
    expect(gpus).toHaveLength(c.count);
    expect(gpus.map((g) => g.index)).toEqual([...Array(c.count).keys()]);
    expect(new Set(gpus.map((g) => g.uuid)).size).toBe(c.count);
    for (const gpu of gpus) {
      expect(gpuInfoSchema.parse(gpu)).toEqual(gpu);
      expect(gpu).toMatchObject({
        name: c.name,
        catalogId: c.catalogId,
        unknown: false,
        memoryMiB: c.memoryMiB,
        powerLimitW: c.power,
        pcieGen: c.pcieGen,
        pcieWidth: 16,
      });
    }
    expect(parseCudaVersion(fixture(c.profile, "summary.txt"))).toBe(c.cuda);

    const samples = parseSamples(fixture(c.profile, "sample.csv"));
    expect(samples.map((s) => s.uuid)).toEqual(gpus.map((g) => g.uuid));
    for (const s of samples) expect(gpuSampleSchema.parse(s)).toEqual(s);
  });

  it.each([
    { profile: "mismatch", kind: "driver-mismatch", says: /mismatch \(NVML library 550\.144\).*reboot/ },
    { profile: "none", kind: "no-driver", says: /no NVIDIA driver loaded/ },
  ])("$profile fails as $kind", ({ profile, kind, says }) => {
    const exitCode = Number(fixture(profile, "exit-code"));
    const problem = classifyFailure({ exitCode, output: fixture(profile, "output.txt") });
    expect(problem.kind).toBe(kind);
    expect(problem.message).toMatch(says);
    expect(problem.message).not.toContain("\n");
  });
});

describe("classifyFailure", () => {
  it.each([
    [{ exitCode: null, output: "", spawnError: "ENOENT" }, "not-installed"],
    [{ exitCode: 6, output: "No devices were found\n" }, "no-devices"],
    [{ exitCode: 4, output: "" }, "no-permission"],
    // The exit code alone is enough when a localized or truncated message does not match.
    [{ exitCode: 18, output: "" }, "driver-mismatch"],
    [{ exitCode: 9, output: "" }, "no-driver"],
    [{ exitCode: 255, output: "Unable to determine the device handle for GPU0000:18:00.0: Unknown Error\n" }, "failed"],
  ] as const)("%j is %s", (run, kind) => {
    expect(classifyFailure(run).kind).toBe(kind);
  });

  it("quotes the first line of an unrecognized failure", () => {
    expect(classifyFailure({ exitCode: 15, output: "\nGPU is lost.  Reboot the system to recover this GPU\n" }).message).toBe(
      "nvidia-smi exited 15: GPU is lost.  Reboot the system to recover this GPU",
    );
  });
});

describe("parsing details", () => {
  it("reads the CUDA version from every header style", () => {
    expect(parseCudaVersion("| NVIDIA-SMI 610.43.02              KMD Version: 610.43.02     CUDA UMD Version: 13.3     |")).toBe("13.3");
    expect(
      parseCudaVersion("Driver Version                            : 535.86.10\nCUDA Version                              : 12.2\n"),
    ).toBe("12.2");
    expect(parseCudaVersion("CUDA Version                              : Not Found")).toBeNull();
    expect(parseCudaVersion("")).toBeNull();
  });

  it("turns bracketed non-values into null", () => {
    expect(parseNumberCell("[N/A]")).toBeNull();
    expect(parseNumberCell("[Not Supported]")).toBeNull();
    expect(parseNumberCell("[GPU requires reset]")).toBeNull();
    expect(parseNumberCell("700.00")).toBe(700);
    expect(() => parseNumberCell("seven")).toThrow(NvidiaSmiParseError);
  });

  it("keeps a GPU with missing optional fields and flags an unknown model", () => {
    const [gpu] = parseInventory(
      "NVIDIA H800, GPU-0a1b2c3d-0000-1111-2222-333344445555, 81559, 535.104.05, [N/A], [Not Supported], [Not Supported]\n",
    ).gpus;
    expect(gpu).toMatchObject({ name: "NVIDIA H800", catalogId: null, unknown: true, powerLimitW: null, pcieGen: null, pcieWidth: null });
  });

  it("rejects output that is not the query it asked for", () => {
    expect(() => parseInventory('Field "pcie.link.gen.max" is not a valid field to query.\n')).toThrow(NvidiaSmiParseError);
    expect(() => parseSamples("GPU-0a1b2c3d-0000-1111-2222-333344445555, 12, 1024\n")).toThrow(/expected 4 columns/);
  });

  it("reads [N/A] samples as null (a GPU that fell off the bus still answers)", () => {
    expect(parseSamples("GPU-0a1b2c3d-0000-1111-2222-333344445555, [N/A], [N/A], [N/A]\n")).toEqual([
      { uuid: "GPU-0a1b2c3d-0000-1111-2222-333344445555", utilizationPct: null, memoryUsedMiB: null, temperatureC: null },
    ]);
  });
});
