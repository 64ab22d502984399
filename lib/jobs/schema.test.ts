import { describe, expect, it } from "vitest";
import { isImageReference, jobInputSchema, jobPatchSchema, jobResultSchema, offerInputSchema } from "@/lib/jobs/schema";
import { fieldErrorsOf } from "@/lib/core/fields";
import { decodeJobCursor, encodeJobCursor, parseJobSearchParams } from "@/lib/jobs/board-search";

const inAWeek = new Date(Date.now() + 7 * 86_400_000);

const form = {
  title: " Fine-tune Llama ",
  description: "",
  framework: "PYTORCH",
  containerImage: "ghcr.io/acme/train:1.2",
  command: "python train.py --epochs 3",
  datasetUrl: "s3://acme-data/llama/",
  outputUrl: "https://storage.example.com/out/",
  gpuModels: ["H100-SXM", "A100-SXM-80"],
  minVramGb: "80",
  gpuCount: "4",
  minReliability: "",
  regions: "de, fi",
  estimatedHours: "12",
  maxPricePerGpuHour: "2.50",
  offerDeadline: inAWeek.toISOString(),
};

describe("jobInputSchema", () => {
  it("turns form strings into stored values", () => {
    expect(jobInputSchema.parse(form)).toEqual({
      ...form,
      title: "Fine-tune Llama",
      minVramGb: 80,
      gpuCount: 4,
      minReliability: 0,
      regions: ["DE", "FI"],
      estimatedHours: 12,
      maxPricePerGpuHour: 2_500_000n,
      offerDeadline: inAWeek,
    });
  });

  it("reads a datetime-local value as UTC and defaults empty lists", () => {
    const { gpuModels, regions, ...rest } = form;
    void [gpuModels, regions];
    const day = inAWeek.toISOString().slice(0, 16);
    const parsed = jobInputSchema.parse({ ...rest, offerDeadline: day });
    expect(parsed.offerDeadline.toISOString()).toBe(`${day}:00.000Z`);
    expect(parsed.gpuModels).toEqual([]);
    expect(parsed.regions).toEqual([]);
  });

  it.each([
    ["containerImage", "pytorch/pytorch", "tag or digest"],
    ["containerImage", "Ghcr.io/Acme/Train:1", "tag or digest"],
    ["datasetUrl", "ftp://example.com/data", "http(s), s3:// or gs://"],
    ["outputUrl", "https://user:secret@example.com/out", "no credentials"],
    ["gpuModels", ["H100-SXM", "GTX-480"], "from the list"],
    ["minVramGb", "0", "Minimum VRAM must be a whole number from 1 to 1,024"],
    ["gpuCount", "2.5", "GPU count must be a whole number"],
    ["minReliability", "101", "Minimum reliability must be a whole number from 0 to 100"],
    ["regions", "Germany", "two-letter country codes"],
    ["maxPricePerGpuHour", "1.2345678", "at most 6 decimal places"],
    ["maxPricePerGpuHour", "0", "more than 0"],
    ["offerDeadline", new Date(Date.now() - 60_000).toISOString(), "in the future"],
    ["offerDeadline", new Date(Date.now() + 200 * 86_400_000).toISOString(), "within 90 days"],
    ["offerDeadline", "next tuesday", "date and time"],
    ["framework", "CAFFE", "Choose a framework"],
    ["title", "", "Title is required"],
  ])("refuses %s = %j in words", (field, value, message) => {
    const result = jobInputSchema.safeParse({ ...form, [field]: value });
    expect(result.success).toBe(false);
    const errors = fieldErrorsOf(result.error!);
    expect(errors[field]?.join(" ")).toContain(message);
  });

  it("refuses a VRAM minimum that none of the chosen models has", () => {
    const result = jobInputSchema.safeParse({ ...form, gpuModels: ["RTX-4090"], minVramGb: "48" });
    expect(fieldErrorsOf(result.error!).minVramGb?.[0]).toMatch(/None of the chosen GPU models has 48 GB/);
  });
});

describe("isImageReference", () => {
  it.each([
    ["ghcr.io/org/train:1.2", true],
    ["pytorch/pytorch:2.4.0-cuda12.4-cudnn9-runtime", true],
    ["localhost:5000/train:dev", true],
    ["nvcr.io/nvidia/pytorch@sha256:" + "a".repeat(64), true],
    ["ubuntu:24.04@sha256:" + "0".repeat(64), true],
    ["ubuntu", false],
    ["localhost:5000/train", false],
    ["ubuntu:", false],
    ["ubuntu@sha256:abc", false],
    ["-bad/name:1", false],
    ["a b:1", false],
  ])("%s -> %s", (ref, ok) => expect(isImageReference(ref)).toBe(ok));
});

describe("jobPatchSchema", () => {
  it("accepts a subset and refuses an empty patch", () => {
    expect(jobPatchSchema.parse({ gpuCount: "2" })).toEqual({ gpuCount: 2 });
    expect(jobPatchSchema.safeParse({}).success).toBe(false);
  });
});

describe("offerInputSchema and jobResultSchema", () => {
  it("parses an offer", () => {
    const start = new Date(Date.now() + 3_600_000);
    expect(offerInputSchema.parse({ jobId: "job1", machineId: "m1", pricePerGpuHour: "1.85", earliestStart: start.toISOString() })).toEqual(
      {
        jobId: "job1",
        machineId: "m1",
        pricePerGpuHour: 1_850_000n,
        earliestStart: start,
        note: "",
      },
    );
    const past = offerInputSchema.safeParse({ jobId: "job1", machineId: "m1", pricePerGpuHour: "1", earliestStart: "2020-01-01T00:00Z" });
    expect(fieldErrorsOf(past.error!).earliestStart).toEqual(["Earliest start must not be in the past"]);
  });

  it("normalises the checksum and refuses a short one", () => {
    expect(jobResultSchema.parse({ resultUrl: "gs://bucket/run-1/", resultSha256: "AB".repeat(32) }).resultSha256).toBe("ab".repeat(32));
    expect(fieldErrorsOf(jobResultSchema.safeParse({ resultUrl: "gs://bucket/x", resultSha256: "abc" }).error!).resultSha256).toEqual([
      "SHA-256 checksum must be 64 hexadecimal characters",
    ]);
  });
});

describe("parseJobSearchParams", () => {
  it("reads filters, repeated and comma-separated models, and the default sort", () => {
    const result = parseJobSearchParams(
      new URLSearchParams("gpuModel=H100-SXM&gpuModel=L4,A10&minVram=24&minBudget=10&region=de&framework=JAX"),
    );
    expect(result).toEqual({
      ok: true,
      query: {
        gpuModel: ["H100-SXM", "L4", "A10"],
        minVram: 24,
        minBudget: 10_000_000n,
        region: "DE",
        framework: "JAX",
        sort: "newest",
        limit: 24,
        cursor: undefined,
      },
    });
  });

  it("names each bad parameter", () => {
    const result = parseJobSearchParams({
      gpuModel: "nope",
      minVram: "x",
      sort: "cheapest",
      minBudget: "5",
      maxBudget: "1",
      region: ["DE", "FI"],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors).sort()).toEqual(["gpuModel", "minVram", "region", "sort"]);
    const budgets = parseJobSearchParams({ minBudget: "5", maxBudget: "1" });
    expect(budgets.ok ? null : budgets.fieldErrors.maxBudget).toEqual(["maxBudget must be at least minBudget"]);
  });

  it("round-trips a cursor and refuses one from another sort", () => {
    const raw = encodeJobCursor({ sort: "budget", key: "1000000", id: "abc" });
    expect(decodeJobCursor(raw, "budget")).toEqual({ sort: "budget", key: "1000000", id: "abc" });
    expect(decodeJobCursor(raw, "deadline")).toMatch(/belongs to sort "budget"/);
    const parsed = parseJobSearchParams({ sort: "budget", cursor: raw });
    expect(parsed.ok && parsed.query.cursor).toEqual({ sort: "budget", key: "1000000", id: "abc" });
    expect(parseJobSearchParams({ cursor: "!!" }).ok).toBe(false);
  });
});
