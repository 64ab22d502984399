/** The training-job part of the OpenAPI document (issue 6): the board, jobs, their actions and offers. */
import { idParam, jsonSchema, operation, pathParam, query, reply } from "@/app/api/v1/openapi.json/builder";
import { gpuModelIds } from "@/lib/listings/gpu-catalog";
import {
  jobActions,
  jobFrameworks,
  jobInputSchema,
  jobPatchSchema,
  jobResultSchema,
  offerActions,
  offerInputSchema,
  progressNoteSchema,
} from "@/lib/jobs/schema";
import { transitionSchema } from "@/lib/orders/schema";
import { jobSorts, JOB_PAGE_SIZE } from "@/lib/jobs/board-search";

const tags = ["Jobs"];

export const jobPaths = {
  "/api/v1/jobs": {
    get: operation({
      operationId: "searchJobs",
      summary: "The job board",
      description: "Open jobs before their offer deadline, for anyone, filtered, sorted and paged by cursor.",
      tags,
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
      responses: { 200: reply("one page of jobs", "JobPage") },
      errors: [400],
    }),
    post: operation({
      operationId: "createJob",
      summary: "Post a job",
      description: "The signed-in buyer posts a job as a draft, or with publish: true opens it for offers at once.",
      tags,
      body: {
        schema: {
          allOf: [
            jsonSchema(jobInputSchema),
            { type: "object", properties: { publish: { type: "boolean", description: "true: open it for offers at once" } } },
          ],
        },
      },
      responses: { 201: reply("the new job", "Job") },
      errors: [400, 401, 403],
    }),
  },
  "/api/v1/jobs/{id}": {
    get: operation({
      operationId: "getJob",
      summary: "One job",
      description:
        "A published job for anyone; a draft only for its buyer and admins (404 for anyone else). The result and the order only for the parties and admins.",
      tags,
      parameters: [idParam],
      responses: { 200: reply("the job", "Job") },
      errors: [404],
    }),
    patch: operation({
      operationId: "updateJob",
      summary: "Edit a job",
      description: "The buyer edits a draft or open job; pending offers that no longer qualify are declined.",
      tags,
      parameters: [idParam],
      body: { schema: jobPatchSchema },
      responses: { 200: reply("the job after the change", "Job") },
      errors: [400, 401, 403, 404, 409],
    }),
  },
  "/api/v1/jobs/{id}/{action}": {
    post: operation({
      operationId: "jobAction",
      summary: "Act on a job",
      description:
        "publish and cancel (the buyer) answer with the job; start and complete (the provider whose offer was accepted) also with the escrow call to sign, and the status " +
        "changes when the indexer reads the event; progress (that provider) posts a note. Release, refund and dispute: POST /api/v1/orders/{orderId}/{action}.",
      tags,
      parameters: [idParam, pathParam("action", "what to do", { type: "string", enum: [...jobActions] })],
      body: {
        schema: {
          oneOf: [jsonSchema(progressNoteSchema), jsonSchema(jobResultSchema.extend(transitionSchema.shape)), jsonSchema(transitionSchema)],
        },
        required: false,
      },
      responses: {
        200: reply("the job, and for start and complete the escrow call to sign", "JobActionResult"),
        201: reply("progress: the note", "ProgressNote"),
      },
      errors: [400, 401, 403, 404, 409],
    }),
  },
  "/api/v1/jobs/{id}/offers": {
    get: operation({
      operationId: "listJobOffers",
      summary: "Offers on a job",
      description:
        "The number of pending offers for anyone; every offer for the buyer and admins; a provider's own offers for that provider.",
      tags,
      parameters: [idParam],
      responses: { 200: reply("the count and the offers the caller may see", "JobOffers") },
      errors: [404],
    }),
  },
  "/api/v1/offers": {
    get: operation({
      operationId: "listMyOffers",
      summary: "Your offers",
      description:
        "The signed-in provider's own offers, newest first (mine=1 is required; offers on one job: GET /api/v1/jobs/{id}/offers).",
      tags,
      parameters: [query("mine", "must be 1", { type: "string", const: "1" })],
      responses: { 200: reply("the offers", "OfferList") },
      errors: [400, 401],
    }),
    post: operation({
      operationId: "makeOffer",
      summary: "Offer a machine for a job",
      description: "A provider offers one of its LIVE machines that meets the job's requirements, at most at the job's maximum price.",
      tags,
      body: { schema: offerInputSchema },
      responses: { 201: reply("the offer", "Offer") },
      errors: [400, 401, 403, 404, 409],
    }),
  },
  "/api/v1/offers/{id}/{action}": {
    post: operation({
      operationId: "offerAction",
      summary: "Withdraw or accept an offer",
      description:
        "withdraw (the provider, while pending) answers with the offer's new status; accept (the job's buyer) creates the order to fund, declines the other offers " +
        "and answers with the order, including the escrow transactions to sign, exactly as for a rental.",
      tags,
      parameters: [idParam, pathParam("action", "what to do", { type: "string", enum: [...offerActions] })],
      responses: { 200: reply("withdraw: the offer's status; accept: the order", "OfferActionResult") },
      errors: [401, 403, 404, 409],
    }),
  },
};
