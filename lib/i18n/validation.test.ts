import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { createReportSchema } from "@/lib/admin/schema";
import { disputeStatementSchema } from "@/lib/orders/dispute-schema";
import { jobInputSchema, jobResultSchema, offerInputSchema } from "@/lib/jobs/schema";
import { parseSearchParams } from "@/lib/listings/search-schema";
import { createListingSchema, updateListingSchema } from "@/lib/listings/schema";
import { createOrderSchema, startOrderSchema } from "@/lib/orders/schema";
import { createSshKeySchema } from "@/lib/account/ssh-key";
import { translateFieldErrors, translateMessage } from "./validation";
import { fieldErrorsOf } from "@/lib/core/fields";
import { parseJobSearchParams } from "@/lib/jobs/board-search";

const valid = {
  gpuModel: "H100-SXM",
  gpuCount: "8",
  cpuCores: "64",
  ramGb: "512",
  diskGb: "2000",
  uploadMbps: "1000",
  downloadMbps: "1000",
  country: "DE",
  city: "Berlin",
  cudaVersion: "12.4",
  driverVersion: "550.127",
  pricePerGpuHour: "1.85",
  minHours: "1",
  maxHours: "24",
  description: "",
};

/** Every message shape the listing schema produces, by breaking one thing at a time. */
const broken: Record<string, string>[] = [
  Object.fromEntries(Object.keys(valid).map((k) => [k, ""])),
  { ...valid, gpuModel: "GTX-9999", gpuCount: "17", cpuCores: "0", ramGb: "1.5", diskGb: "9", uploadMbps: "400001", downloadMbps: "x" },
  { ...valid, country: "DEU", city: "x".repeat(81), driverVersion: "y".repeat(21), cudaVersion: "twelve", pricePerGpuHour: "1.2345678" },
  { ...valid, pricePerGpuHour: "1001", minHours: "10", maxHours: "2", description: "z".repeat(2001) },
  { ...valid, gpuModel: "MI300X", cudaVersion: "12.4" },
  { ...valid, cudaVersion: "" },
];

function englishErrors(): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const input of broken) {
    const result = createListingSchema.safeParse(input);
    expect(result.success).toBe(false);
    if (result.success) continue;
    for (const [field, messages] of Object.entries(fieldErrorsOf(result.error))) (errors[field] ??= []).push(...messages);
  }
  const patch = updateListingSchema.safeParse({});
  if (!patch.success) for (const [field, messages] of Object.entries(fieldErrorsOf(patch.error))) (errors[field] ??= []).push(...messages);
  return errors;
}

/** Field errors of each failing input, merged per field. */
function errorsOf(schema: z.ZodType, inputs: unknown[]): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const input of inputs) {
    const result = schema.safeParse(input);
    expect(result.success).toBe(false);
    if (result.success) continue;
    for (const [field, messages] of Object.entries(fieldErrorsOf(result.error))) (errors[field] ??= []).push(...messages);
  }
  return errors;
}

function untranslated(english: Record<string, string[]>): string[] {
  const german = translateFieldErrors(english, "de")!;
  return Object.entries(german).flatMap(([field, messages]) =>
    messages.filter((m, i) => m === english[field]![i]).map((m) => `${field}: ${m}`),
  );
}

const edKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl me@host";

describe("translateFieldErrors", () => {
  it("has German for every message the listing schema can produce", () => {
    const english = englishErrors();
    // The broken inputs above reach every field of the form, plus the whole-input PATCH error.
    expect(Object.keys(english).sort()).toEqual([...Object.keys(valid), "_"].sort());
    const german = translateFieldErrors(english, "de")!;
    const untranslated = Object.entries(german).flatMap(([field, messages]) =>
      messages.filter((m, i) => m === english[field]![i]).map((m) => `${field}: ${m}`),
    );
    expect(untranslated).toEqual([]);
  });

  it("has German for what the rent, SSH key, report and statement forms get back from the API", () => {
    const rent = errorsOf(createOrderSchema, [
      { listingId: "x", hours: 1.5, sshPublicKey: "-----BEGIN OPENSSH PRIVATE KEY-----" },
      { listingId: "x", hours: 0 },
      { listingId: "x", hours: 9000, sshPublicKey: "k".repeat(4001) },
      { listingId: "x" },
    ]);
    const keys = errorsOf(createSshKeySchema, [
      { label: "", publicKey: "not a key" },
      { label: "x".repeat(65), publicKey: "ssh-ed25519 !!!!" },
      { label: "tab\there", publicKey: "ssh-ed25519 AAAA" },
      { publicKey: edKey.replace("AAAAC3", "AAAAB3") },
    ]);
    const report = errorsOf(createReportSchema, [
      { targetType: "LISTING", targetId: "x", category: "NOPE", note: "short" },
      { targetType: "LISTING", targetId: "x", category: "SPAM", note: "n".repeat(1001) },
      { targetType: "LISTING", targetId: "x", category: "SPAM" },
    ]);
    const statement = errorsOf(disputeStatementSchema, [{}, { body: "short" }, { body: "s".repeat(4001) }]);
    expect(statement.body).toHaveLength(3);
    expect(Object.keys(rent).sort()).toEqual(["hours", "sshPublicKey"]);
    expect(Object.keys(keys).sort()).toEqual(["label", "publicKey"]);
    expect(Object.keys(report).sort()).toEqual(["category", "note"]);
    expect([...untranslated(rent), ...untranslated(keys), ...untranslated(report), ...untranslated(statement)]).toEqual([]);
    // The server's own per-listing check on hours (lib/orders/server/create.ts).
    expect(translateMessage("must be between 2 and 1000 for this listing", "de")).toBe(
      "muss bei diesem Angebot zwischen 2 und 1.000 liegen",
    );
  });

  it("has German for what the order's start form and the job's completion form get back from the API", () => {
    const start = errorsOf(startOrderSchema, [
      { host: "", port: "22", user: "" },
      { host: "a b", port: 0, user: "9x", jupyterUrl: "ftp://x" },
    ]);
    const result = errorsOf(jobResultSchema, [{}, { resultUrl: "ftp://x", resultSha256: "zz" }]);
    expect(Object.keys(start).sort()).toEqual(["host", "jupyterUrl", "port", "user"]);
    expect(Object.keys(result).sort()).toEqual(["resultSha256", "resultUrl"]);
    expect([...untranslated(start), ...untranslated(result)]).toEqual([]);
  });

  it("has German for every message the job and offer forms can produce", () => {
    const job = {
      title: "Fine-tune a model",
      framework: "PYTORCH",
      containerImage: "ghcr.io/org/train:1.2",
      command: "python train.py",
      datasetUrl: "s3://bucket/data",
      outputUrl: "s3://bucket/out",
      gpuModels: ["H100-SXM"],
      minVramGb: "80",
      gpuCount: "8",
      estimatedHours: "10",
      maxPricePerGpuHour: "2",
      offerDeadline: new Date(Date.now() + 86_400_000).toISOString(),
    };
    const jobErrors = errorsOf(jobInputSchema, [
      Object.fromEntries(Object.keys(job).map((k) => [k, ""])),
      { ...job, title: "ab", description: "d".repeat(4001), framework: "CAFFE", containerImage: "latest", command: "c".repeat(2001) },
      { ...job, datasetUrl: "ftp://x/y", outputUrl: "s3://user:pw@bucket/x", gpuModels: ["GTX-9999"], regions: "DEU", minVramGb: "2000" },
      { ...job, gpuModels: ["RTX-4090"], minVramGb: "80" },
      { ...job, offerDeadline: "2020-01-01T00:00Z", minReliability: "101" },
      { ...job, offerDeadline: "tomorrow", gpuModels: 7 },
      {
        ...job,
        regions: Array.from(
          { length: 41 },
          (_, i) => `${String.fromCharCode(65 + Math.floor(i / 26))}${String.fromCharCode(65 + (i % 26))}`,
        ).join(","),
      },
      { ...job, offerDeadline: new Date(Date.now() + 365 * 86_400_000).toISOString(), estimatedHours: "0", gpuCount: "17" },
    ]);
    const offer = errorsOf(offerInputSchema, [
      { jobId: "j1", pricePerGpuHour: "1", earliestStart: "2020-01-01T00:00Z", note: "n".repeat(1001) },
    ]);
    expect(Object.keys(jobErrors).length).toBeGreaterThanOrEqual(14);
    expect(jobErrors.minVramGb).toContain("None of the chosen GPU models has 80 GB of VRAM (the most is 24 GB)");
    expect(jobErrors.regions).toContain("Regions may name at most 40 entries");
    expect([...untranslated(jobErrors), ...untranslated(offer)]).toEqual([]);
  });

  it("re-says labels and numbers the German way", () => {
    expect(translateMessage("Disk must be a whole number from 10 to 1,000,000", "de")).toBe(
      "Festplatte: eine ganze Zahl von 10 bis 1.000.000 eingeben",
    );
    expect(translateMessage("GPU count is required", "de")).toBe("Bitte GPU-Anzahl angeben");
    expect(translateMessage("City must be at most 80 characters", "de")).toBe("Stadt: höchstens 80 Zeichen");
    expect(translateMessage("Price must be more than 0 and at most 1,000 per GPU-hour", "de")).toBe(
      "Der Preis muss größer als 0 und höchstens 1.000 pro GPU-Stunde sein",
    );
  });

  it("has German for every reason a bad marketplace or job-board URL can get", () => {
    const listing = new URLSearchParams(
      "minGpus=x&minVram=5000&maxPrice=-1&region=Germany&minCuda=twelve&sort=cheapest&limit=1&limit=2&gpu=Z80&cursor=%%%",
    );
    const parsedListing = parseSearchParams(listing);
    const jobs = parseJobSearchParams(new URLSearchParams("minVram=lots&minBudget=-5&region=x&framework=caffe&sort=oldest&gpuModel=Z80"));
    // The order of the budgets and the cursor are checked only once every parameter parsed.
    const crossed = parseJobSearchParams(new URLSearchParams("minBudget=500&maxBudget=100&cursor=bad"));
    const english = [parsedListing, jobs, crossed].map((p) => (p.ok ? {} : p.fieldErrors));
    expect(Object.keys(english[0]!).sort()).toEqual([
      "cursor",
      "gpu",
      "limit",
      "maxPrice",
      "minCuda",
      "minGpus",
      "minVram",
      "region",
      "sort",
    ]);
    expect(Object.keys(english[1]!).sort()).toEqual(["framework", "gpuModel", "minBudget", "minVram", "region", "sort"]);
    expect(Object.keys(english[2]!).sort()).toEqual(["cursor", "maxBudget"]);
    expect(english.flatMap(untranslated)).toEqual([]);
    expect(translateMessage("minVram must be between 1 and 1024", "de")).toBe("minVram muss zwischen 1 und 1.024 liegen");
  });

  it("leaves English alone, and keeps a message it does not know rather than dropping it", () => {
    const errors = { city: ["City is required"] };
    expect(translateFieldErrors(errors, "en")).toEqual(errors);
    expect(translateMessage("Something new went wrong", "de")).toBe("Something new went wrong");
    expect(translateMessage("Colour is required", "de")).toBe("Colour is required");
    expect(translateFieldErrors(undefined, "de")).toBeUndefined();
  });
});
