/** `jobs list | post | offers | accept`: the training-job board through the v1 API. */
import { readFile } from "node:fs/promises";
import { acceptedOfferSchema, jobDetailSchema, jobOffersSchema, jobPageSchema } from "@/lib/jobs/job-dto";
import { jobInputSchema } from "@/lib/jobs/schema";
import type { Context, OutputFlags } from "../context";
import { usage, type Io } from "../errors";
import { amount, json, table } from "../format";
import { parseJobSearchParams } from "@/lib/jobs/board-search";

export const jobListFlags = {
  gpu: "gpuModel",
  "min-vram": "minVram",
  "min-budget": "minBudget",
  "max-budget": "maxBudget",
  region: "region",
  framework: "framework",
  sort: "sort",
  cursor: "cursor",
} as const;

export async function listJobs(
  ctx: Context,
  values: Partial<Record<keyof typeof jobListFlags, string | string[]>>,
  options: OutputFlags,
): Promise<number> {
  const params = new URLSearchParams();
  for (const [flag, param] of Object.entries(jobListFlags))
    for (const v of [values[flag as keyof typeof jobListFlags] ?? []].flat()) params.append(param, v);
  const parsed = parseJobSearchParams(params);
  if (!parsed.ok) {
    const [param, reasons] = Object.entries(parsed.fieldErrors)[0] ?? ["", []];
    const flag = Object.entries(jobListFlags).find(([, p]) => p === param)?.[0] ?? param;
    throw usage(`--${flag}: ${reasons.join(", ")}`);
  }
  const page = await (await ctx.api()).get("/api/v1/jobs", jobPageSchema, params);
  if (options.json) ctx.io.out(json(page));
  else if (options.quiet) page.items.forEach((j) => ctx.io.out(j.id));
  else if (page.items.length === 0) ctx.io.err("no open jobs match");
  else {
    const rows = page.items.map((j) => [
      j.id,
      j.title.slice(0, 40),
      `${j.gpuCount}x ${j.gpuModels.join("/") || "any"} >=${j.minVramGb} GB`,
      `${j.estimatedHours} h`,
      amount(j.maxBudget),
      String(j.offerCount),
      j.offerDeadline.toISOString(),
    ]);
    ctx.io.out(table(["JOB", "TITLE", "GPUS", "HOURS", "MAX BUDGET", "OFFERS", "OFFERS UNTIL"], rows));
    if (page.nextCursor) ctx.io.err(`next page: --cursor ${page.nextCursor}`);
  }
  return 0;
}

async function readJobFile(file: string, io: Io): Promise<string> {
  if (file === "-") return io.readStdin();
  try {
    return await readFile(file, "utf8");
  } catch (e) {
    throw usage(`cannot read ${file}: ${(e as Error).message}`);
  }
}

/** A job from a JSON file (or stdin) with the fields of POST /api/v1/jobs, checked with the same schema first. */
export async function postJob(ctx: Context, file: string, options: OutputFlags & { publish?: boolean }): Promise<number> {
  let body: unknown;
  try {
    body = JSON.parse(await readJobFile(file, ctx.io));
  } catch (e) {
    if (e instanceof SyntaxError) throw usage(`${file} is not JSON: ${e.message}`);
    throw e;
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw usage(`${file} must hold one JSON object`);
  const checked = jobInputSchema.safeParse(body);
  if (!checked.success) {
    const issues = checked.error.issues.map((i) => `${i.path.join(".") || "job"}: ${i.message}`);
    throw usage(`${file}: ${issues.join("; ")}`);
  }
  // The file as written goes to the server (dates and prices as text): the server parses it with the same schema.
  const job = await (await ctx.api()).post("/api/v1/jobs", { ...body, publish: options.publish === true }, jobDetailSchema);
  if (options.json) ctx.io.out(json(job));
  else {
    ctx.io.out(job.id);
    if (!options.quiet)
      ctx.io.err(`job ${job.id} is ${job.status}${job.status === "DRAFT" ? " (publish it with --publish to take offers)" : ""}`);
  }
  return 0;
}

export async function jobOffers(ctx: Context, jobId: string, options: OutputFlags): Promise<number> {
  const result = await (await ctx.api()).get(`/api/v1/jobs/${encodeURIComponent(jobId)}/offers`, jobOffersSchema);
  if (options.json) ctx.io.out(json(result));
  else if (options.quiet) result.offers.forEach((o) => ctx.io.out(o.id));
  else if (result.offers.length === 0) ctx.io.err(`${result.count} pending offer(s); only the job's buyer sees them`);
  else {
    const rows = result.offers.map((o) => [
      o.id,
      o.status,
      amount(o.pricePerGpuHour),
      amount(o.total),
      `${o.machine.gpuCount}x ${o.machine.gpuModel}`,
      `${o.provider.reliability}`,
      o.earliestStart.toISOString(),
    ]);
    ctx.io.out(table(["OFFER", "STATUS", "PER GPU-HOUR", "TOTAL", "MACHINE", "RELIABILITY", "EARLIEST START"], rows));
  }
  return 0;
}

export async function acceptOffer(ctx: Context, offerId: string, options: OutputFlags): Promise<number> {
  const result = await (await ctx.api()).post(`/api/v1/offers/${encodeURIComponent(offerId)}/accept`, {}, acceptedOfferSchema);
  if (options.json) ctx.io.out(json(result));
  else {
    ctx.io.out(result.orderId);
    if (!options.quiet)
      ctx.io.err(`accepted; pay order ${result.orderId} (${amount(result.order.amount)}) with: idlegrid pay ${result.orderId}`);
  }
  return 0;
}
