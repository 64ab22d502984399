import { describe, expect, it } from "vitest";
import { nextStatus, ownerActionsFor } from "@/lib/listings/lifecycle";
import { createListingSchema, updateListingSchema } from "@/lib/listings/schema";
import { fieldErrorsOf } from "@/lib/core/fields";

const form = {
  gpuModel: "RTX-4090",
  gpuCount: "2",
  cpuCores: "32",
  ramGb: "128",
  diskGb: "2000",
  uploadMbps: "1000",
  downloadMbps: "1000",
  country: "fi",
  city: " Helsinki ",
  cudaVersion: "12.4",
  driverVersion: "550.127",
  pricePerGpuHour: "0.34",
  minHours: "1",
  maxHours: "168",
  description: "",
};

describe("createListingSchema", () => {
  it("turns form strings into stored values", () => {
    expect(createListingSchema.parse(form)).toEqual({
      ...form,
      gpuCount: 2,
      cpuCores: 32,
      ramGb: 128,
      diskGb: 2000,
      uploadMbps: 1000,
      downloadMbps: 1000,
      country: "FI",
      city: "Helsinki",
      cudaVersion: 124,
      pricePerGpuHour: 340_000n,
      minHours: 1,
      maxHours: 168,
    });
  });

  it("stores no CUDA as 0 for ROCm machines", () => {
    expect(createListingSchema.parse({ ...form, gpuModel: "MI300X", cudaVersion: "" }).cudaVersion).toBe(0);
  });

  it("explains every field error in words", () => {
    const result = createListingSchema.safeParse({
      ...form,
      gpuModel: "",
      gpuCount: "17",
      ramGb: "",
      pricePerGpuHour: "1.2345678",
      country: "FIN",
      cudaVersion: "12",
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(fieldErrorsOf(result.error)).toEqual({
      gpuModel: ["Choose a GPU model from the list"],
      gpuCount: ["GPU count must be a whole number from 1 to 16"],
      ramGb: ["RAM is required"],
      country: ["Country must be a two-letter code like DE"],
      cudaVersion: ["CUDA version must look like 12.4 (leave empty for ROCm)"],
      pricePerGpuHour: ["Price must be a decimal like 1.85 with at most 6 decimal places"],
    });
  });

  it.each(["0", "0.000000", "1000.000001", "abc", "1,85"])("rejects the price %j", (price) => {
    expect(createListingSchema.safeParse({ ...form, pricePerGpuHour: price }).success).toBe(false);
  });

  it("keeps CUDA to NVIDIA machines", () => {
    const amd = createListingSchema.safeParse({ ...form, gpuModel: "MI300X", cudaVersion: "12.4" });
    expect(amd.success ? null : fieldErrorsOf(amd.error)).toEqual({ cudaVersion: ["AMD GPUs run ROCm: leave the CUDA version empty"] });
    const nvidia = createListingSchema.safeParse({ ...form, cudaVersion: "" });
    expect(nvidia.success ? null : fieldErrorsOf(nvidia.error)).toEqual({
      cudaVersion: ["Enter the CUDA version the driver supports, like 12.4"],
    });
  });

  it("requires maximum hours >= minimum hours", () => {
    const result = createListingSchema.safeParse({ ...form, minHours: "10", maxHours: "5" });
    expect(result.success ? null : fieldErrorsOf(result.error)).toEqual({ maxHours: ["Maximum hours must be at least the minimum hours"] });
  });
});

describe("updateListingSchema", () => {
  it("accepts a subset and leaves the rest undefined", () => {
    expect(updateListingSchema.parse({ pricePerGpuHour: "0.30" })).toEqual({ pricePerGpuHour: 300_000n });
  });

  it("refuses an empty patch", () => {
    expect(updateListingSchema.safeParse({}).success).toBe(false);
  });
});

describe("lifecycle", () => {
  it("allows only the documented transitions", () => {
    expect(nextStatus("DRAFT", "submit")).toBe("PENDING_REVIEW");
    expect(nextStatus("REJECTED", "submit")).toBe("PENDING_REVIEW");
    expect(nextStatus("PENDING_REVIEW", "approve")).toBe("LIVE");
    expect(nextStatus("LIVE", "pause")).toBe("PAUSED");
    expect(nextStatus("PAUSED", "resume")).toBe("LIVE");
    expect(nextStatus("DRAFT", "approve")).toBeNull();
    expect(nextStatus("ARCHIVED", "submit")).toBeNull();
    expect(nextStatus("SUSPENDED", "resume")).toBeNull();
    expect(nextStatus("LIVE", "submit")).toBeNull();
  });

  it("offers the next action first", () => {
    expect(ownerActionsFor("DRAFT")).toEqual(["submit", "archive"]);
    expect(ownerActionsFor("LIVE")).toEqual(["pause", "archive"]);
    expect(ownerActionsFor("PAUSED")).toEqual(["resume", "archive"]);
    expect(ownerActionsFor("REJECTED")).toEqual(["submit", "archive"]);
    expect(ownerActionsFor("ARCHIVED")).toEqual([]);
  });
});

describe("rent in parts", () => {
  it("reads the form's hidden 0 and checked 1, the API's booleans, and refuses anything else naming the field", () => {
    const parse = (splittable: unknown) => createListingSchema.safeParse({ ...form, splittable });
    expect(parse("1").data?.splittable).toBe(true);
    expect(parse("0").data?.splittable).toBe(false);
    expect(parse(true).data?.splittable).toBe(true);
    expect(parse(undefined).data?.splittable).toBeUndefined();
    const bad = parse("maybe");
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join("."))).toEqual(["splittable"]);
  });
});
