import { describe, expect, it } from "vitest";
import { matchMachineToJob, type JobRequirements, type MatchableMachine } from "@/lib/jobs/matching";

const machine: MatchableMachine = {
  status: "LIVE",
  gpuModel: "A100-SXM-80",
  vramGb: 80,
  gpuCount: 4,
  providerReliability: 90,
  country: "DE",
};
const job: JobRequirements = {
  gpuModels: ["A100-SXM-80", "H100-SXM"],
  minVramGb: 80,
  gpuCount: 4,
  minReliability: 85,
  regions: ["DE", "FI"],
  maxPricePerGpuHour: 2_000_000n,
};

const cases: [
  name: string,
  machine: Partial<MatchableMachine>,
  job: Partial<JobRequirements>,
  price: bigint | undefined,
  reason: RegExp | null,
][] = [
  ["everything at the limits", {}, {}, undefined, null],
  ["VRAM exactly at the minimum", { vramGb: 80 }, { minVramGb: 80 }, undefined, null],
  ["VRAM one below the minimum", { vramGb: 79 }, {}, undefined, /79 GB of VRAM per GPU, the job needs at least 80 GB/],
  ["more GPUs than asked", { gpuCount: 8 }, {}, undefined, null],
  ["fewer GPUs than asked", { gpuCount: 2 }, {}, undefined, /2 GPUs, the job needs 4/],
  ["a paused machine", { status: "PAUSED" }, {}, undefined, /paused, not live/],
  ["a machine pending review", { status: "PENDING_REVIEW" }, {}, undefined, /pending review, not live/],
  ["a banned provider", { providerBanned: true }, {}, undefined, /banned/],
  ["a model not in the list", { gpuModel: "RTX-4090" }, {}, undefined, /RTX 4090 is not one of the accepted models/],
  ["any model when the list is empty", { gpuModel: "MI300X", vramGb: 192 }, { gpuModels: [] }, undefined, null],
  ["reliability exactly at the minimum", { providerReliability: 85 }, {}, undefined, null],
  ["reliability below the minimum", { providerReliability: 84 }, {}, undefined, /reliability 84/],
  ["a region not in the list", { country: "US" }, {}, undefined, /located in US, the job runs only in DE, FI/],
  ["anywhere when regions are empty", { country: "US" }, { regions: [] }, undefined, null],
  ["an offer at the maximum price", {}, {}, 2_000_000n, null],
  ["an offer above the maximum price", {}, {}, 2_000_001n, /above the job's maximum/],
];

describe("matchMachineToJob", () => {
  it.each(cases)("%s", (_name, m, j, price, reason) => {
    const result = matchMachineToJob({ ...machine, ...m }, { ...job, ...j }, price);
    if (reason === null) expect(result).toEqual({ ok: true });
    else {
      expect(result.ok).toBe(false);
      expect(result.ok ? [] : result.reasons).toEqual([expect.stringMatching(reason)]);
    }
  });

  it("lists every unmet requirement", () => {
    const result = matchMachineToJob({ ...machine, status: "PAUSED", vramGb: 40, country: "US" }, job);
    expect(result.ok ? 0 : result.reasons.length).toBe(3);
  });
});
