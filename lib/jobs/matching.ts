/**
 * Whether a machine can run a job (issue 6): the one rule used for "Matching jobs", for checking
 * an offer and for showing the buyer why an offer qualifies. Pure, so the server and tests share it.
 *
 * Price is not a machine property here: a listing's hourly price is what it charges renters, while
 * a job is priced by the offer the provider makes for it. So a machine listed above the job's
 * maximum still matches (its provider may bid lower), and the offer's price is checked when one is
 * given as `offerPricePerGpuHour`.
 */
import { gpuSpec } from "@/lib/listings/gpu-catalog";

export interface MatchableMachine {
  status: string;
  gpuModel: string;
  vramGb: number;
  gpuCount: number;
  providerReliability: number;
  country: string;
  /** A banned provider's machines match nothing, whatever their listing status says. */
  providerBanned?: boolean;
}

export interface JobRequirements {
  gpuModels: readonly string[];
  minVramGb: number;
  gpuCount: number;
  minReliability: number;
  regions: readonly string[];
  /** Base units per GPU-hour. */
  maxPricePerGpuHour: bigint;
}

export type MatchResult = { ok: true } | { ok: false; reasons: string[] };

const modelName = (id: string) => gpuSpec(id)?.name ?? id;

export function matchMachineToJob(machine: MatchableMachine, job: JobRequirements, offerPricePerGpuHour?: bigint): MatchResult {
  const reasons: string[] = [];
  if (machine.providerBanned) reasons.push("the provider is banned");
  if (machine.status !== "LIVE") reasons.push(`the machine is ${machine.status.toLowerCase().replace("_", " ")}, not live`);
  if (job.gpuModels.length > 0 && !job.gpuModels.includes(machine.gpuModel)) {
    reasons.push(`${modelName(machine.gpuModel)} is not one of the accepted models (${job.gpuModels.map(modelName).join(", ")})`);
  }
  if (machine.vramGb < job.minVramGb) reasons.push(`${machine.vramGb} GB of VRAM per GPU, the job needs at least ${job.minVramGb} GB`);
  if (machine.gpuCount < job.gpuCount)
    reasons.push(`${machine.gpuCount} GPU${machine.gpuCount === 1 ? "" : "s"}, the job needs ${job.gpuCount}`);
  if (machine.providerReliability < job.minReliability)
    reasons.push(`provider reliability ${machine.providerReliability}, the job needs at least ${job.minReliability}`);
  if (job.regions.length > 0 && !job.regions.includes(machine.country.toUpperCase())) {
    reasons.push(`located in ${machine.country}, the job runs only in ${job.regions.join(", ")}`);
  }
  if (offerPricePerGpuHour !== undefined && offerPricePerGpuHour > job.maxPricePerGpuHour) {
    reasons.push("the offered price is above the job's maximum price per GPU-hour");
  }
  return reasons.length === 0 ? { ok: true } : { ok: false, reasons };
}
