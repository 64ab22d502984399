/**
 * The training-job part of the OpenAPI document (issue 6), kept beside route.ts so that file stays
 * readable; route.ts passes in its helpers so both halves describe bodies and errors the same way.
 */
import type { z } from "zod";
import { gpuModelIds } from "@/lib/listings/gpu-catalog";
import { jobFrameworks, jobInputSchema, jobPatchSchema, jobResultSchema, jobSorts, JOB_PAGE_SIZE, offerInputSchema, progressNoteSchema } from "@/lib/jobs/schema";

interface Helpers {
  body: (schema: z.ZodType) => Record<string, unknown>;
  json: (schema: unknown) => Record<string, unknown>;
  errors: (...codes: number[]) => Record<string, unknown>;
  query: (name: string, description: string, schema: Record<string, unknown>) => Record<string, unknown>;
  idParam: Record<string, unknown>;
  tx: Record<string, unknown>;
}

const jobStatuses = ["DRAFT", "OPEN", "ACCEPTED", "FUNDED", "RUNNING", "COMPLETED", "PAID", "DISPUTED", "RESOLVED", "REFUNDED", "CANCELLED", "EXPIRED"];
const money = (description: string) => ({ type: "string", description: `token base units (6 decimals): ${description}`, examples: ["1850000"] });

const job = {
  type: "object",
  description: "After acceptance the status follows the job's order, which follows the escrow events the indexer reads. An OPEN job past its offer deadline reads EXPIRED.",
  properties: {
    id: { type: "string" },
    title: { type: "string" },
    description: { type: "string" },
    framework: { type: "string", enum: jobFrameworks },
    status: { type: "string", enum: jobStatuses },
    containerImage: { type: "string" },
    command: { type: "string" },
    datasetUrl: { type: "string" },
    outputUrl: { type: "string" },
    gpuModels: { type: "array", items: { type: "string", enum: gpuModelIds }, description: "empty: any model" },
    minVramGb: { type: "integer" },
    gpuCount: { type: "integer" },
    minReliability: { type: "integer" },
    regions: { type: "array", items: { type: "string" }, description: "country codes; empty: anywhere" },
    estimatedHours: { type: "integer" },
    maxPricePerGpuHour: money("per GPU-hour"),
    maxBudget: money("maxPricePerGpuHour x gpuCount x estimatedHours"),
    offerDeadline: { type: "string", format: "date-time" },
    publishedAt: { type: ["string", "null"], format: "date-time" },
    offerCount: { type: "integer", description: "pending offers" },
    viewerRole: { type: ["string", "null"], enum: ["buyer", "provider", "admin", null], description: "provider: the one whose offer was accepted" },
    orderId: { type: ["string", "null"], description: "parties and admins only" },
    order: { type: ["object", "null"], description: "parties and admins only", properties: { id: { type: "string" }, status: { type: "string" }, amount: money("the escrow amount") } },
    resultUrl: { type: ["string", "null"], description: "parties and admins only" },
    resultSha256: { type: ["string", "null"], description: "parties and admins only" },
  },
};

const offer = {
  type: "object",
  properties: {
    id: { type: "string" },
    jobId: { type: "string" },
    status: { type: "string", enum: ["PENDING", "WITHDRAWN", "ACCEPTED", "DECLINED"] },
    pricePerGpuHour: money("per GPU-hour, at most the job's maximum"),
    total: money("pricePerGpuHour x the job's gpuCount x estimatedHours"),
    earliestStart: { type: "string", format: "date-time" },
    note: { type: "string" },
    provider: { type: "object", properties: { address: { type: "string" }, reliability: { type: "integer" }, completedRentals: { type: "integer" }, failedRentals: { type: "integer" } } },
    machine: { type: "object", properties: { id: { type: "string" }, gpuModel: { type: "string" }, gpuCount: { type: "integer" }, vramGb: { type: "integer" }, country: { type: "string" } } },
    job: { type: "object", properties: { id: { type: "string" }, title: { type: "string" }, status: { type: "string" }, orderId: { type: ["string", "null"] } } },
  },
};

export const jobSchemas = { Job: job, Offer: offer };

export function jobPaths({ body, json, errors, query, idParam, tx }: Helpers) {
  const jobRef = { $ref: "#/components/schemas/Job" };
  const offerRef = { $ref: "#/components/schemas/Offer" };
  const withTx = json({ type: "object", properties: { job: jobRef, orderId: { type: "string" }, transaction: { oneOf: [tx, { type: "null" }] } } });
  const action = (names: string[]) => ({ name: "action", in: "path", required: true, schema: { type: "string", enum: names } });
  return {
    "/api/v1/jobs": {
      get: {
        summary: "The job board: open jobs before their offer deadline",
        parameters: [
          query("gpuModel", "jobs that accept this model (or any); repeat or comma-separate", { type: "string", enum: gpuModelIds }),
          query("minVram", "the VRAM of your GPU in GB: jobs whose minimum is at most this", { type: "integer", minimum: 1 }),
          query("minBudget", "minimum total budget as a decimal", { type: "string" }),
          query("maxBudget", "maximum total budget as a decimal", { type: "string" }),
          query("region", "jobs that run in this country (or anywhere)", { type: "string", pattern: "^[A-Za-z]{2}$" }),
          query("framework", "framework", { type: "string", enum: jobFrameworks }),
          query("sort", "newest (default), budget (highest first), deadline (soonest first)", { type: "string", enum: jobSorts }),
          query("limit", `page size, default ${JOB_PAGE_SIZE}`, { type: "integer", minimum: 1, maximum: 100 }),
          query("cursor", "nextCursor of the previous page (same sort)", { type: "string" }),
        ],
        responses: { 200: json({ type: "object", properties: { items: { type: "array", items: jobRef }, nextCursor: { type: ["string", "null"] } } }), ...errors(400) },
      },
      post: {
        summary: "Post a job (a draft, or open at once with publish: true)",
        requestBody: { required: true, ...json({ allOf: [body(jobInputSchema), { type: "object", properties: { publish: { type: "boolean" } } }] }) },
        responses: { 201: json(jobRef), ...errors(400, 401, 403) },
      },
    },
    "/api/v1/jobs/{id}": {
      get: { summary: "One job (drafts: the buyer and admins only)", parameters: [idParam], responses: { 200: json(jobRef), ...errors(404) } },
      patch: {
        summary: "The buyer edits a draft or open job; pending offers that no longer qualify are declined",
        parameters: [idParam],
        requestBody: { required: true, ...json(body(jobPatchSchema)) },
        responses: { 200: json(jobRef), ...errors(400, 401, 403, 404, 409) },
      },
    },
    "/api/v1/jobs/{id}/{action}": {
      post: {
        summary: "publish, cancel (the buyer); start, complete, progress (the provider whose offer was accepted)",
        description: "start and complete return the escrow call to sign; the status changes when the indexer reads the event. Release, refund and dispute: POST /api/v1/orders/{orderId}/{action}.",
        parameters: [idParam, action(["publish", "cancel", "start", "complete", "progress"])],
        requestBody: { required: false, ...json({ oneOf: [body(progressNoteSchema), body(jobResultSchema), { type: "object", properties: { txHash: { type: "string" } } }] }) },
        responses: { 200: withTx, 201: json({ type: "object", description: "progress: the note", properties: { id: { type: "string" }, body: { type: "string" } } }), ...errors(400, 401, 403, 404, 409) },
      },
    },
    "/api/v1/jobs/{id}/offers": {
      get: {
        summary: "Offers on a job: the count for anyone; every offer for the buyer and admins; a provider's own",
        parameters: [idParam],
        responses: { 200: json({ type: "object", properties: { count: { type: "integer" }, offers: { type: "array", items: offerRef } } }), ...errors(404) },
      },
    },
    "/api/v1/offers": {
      get: {
        summary: "Your own offers (mine=1 is required)",
        parameters: [query("mine", "must be 1", { type: "string", const: "1" })],
        responses: { 200: json({ type: "object", properties: { items: { type: "array", items: offerRef } } }), ...errors(400, 401) },
      },
      post: {
        summary: "Offer one of your LIVE machines that meets the job's requirements, at most at its maximum price",
        requestBody: { required: true, ...json(body(offerInputSchema)) },
        responses: { 201: json(offerRef), ...errors(400, 401, 403, 404, 409) },
      },
    },
    "/api/v1/offers/{id}/{action}": {
      post: {
        summary: "withdraw (the provider, while pending); accept (the buyer: creates the order to fund, other offers declined)",
        parameters: [idParam, action(["withdraw", "accept"])],
        responses: {
          200: json({ type: "object", properties: { id: { type: "string" }, status: { type: "string" }, jobId: { type: "string" }, orderId: { type: "string" }, order: { $ref: "#/components/schemas/Order" } } }),
          ...errors(401, 403, 404, 409),
        },
      },
    },
  };
}
