/** The marketplace part of the OpenAPI document: search, listings and their lifecycle, reports. */
import { idParam, jsonSchema, operation, query, reply } from "@/app/api/v1/openapi.json/builder";
import { createReportSchema } from "@/lib/admin/schema";
import { gpuFamilies, gpuModelIds } from "@/lib/listings/gpu-catalog";
import { adminActions, createListingSchema, ownerActions, statusChangeSchema, updateListingSchema } from "@/lib/listings/schema";
import { DEFAULT_LIMIT, MAX_LIMIT, sorts } from "@/lib/listings/search-schema";

const tags = ["Listings"];

/** Families of one model share that model's id, which the enum already has. */
const variantFamilies = gpuFamilies.filter((f) => f.models.length > 1);

const searchParameters = [
  query(
    "gpu",
    `GPU model id, or a family that means all its variants (${variantFamilies.map((f) => `${f.id}: ${f.models.join(", ")}`).join("; ")}); repeat or comma-separate for several`,
    { type: "string", enum: [...gpuModelIds, ...variantFamilies.map((f) => f.id)] },
  ),
  query("minGpus", "minimum GPU count", { type: "integer", minimum: 1 }),
  query("minVram", "minimum VRAM per GPU in GB", { type: "integer", minimum: 1 }),
  query("maxPrice", "maximum price per GPU-hour as a decimal, e.g. 1.85", { type: "string" }),
  query("region", "country code", { type: "string", pattern: "^[A-Za-z]{2}$" }),
  query("minBandwidth", "minimum download Mbit/s", { type: "integer" }),
  query("minCuda", "minimum CUDA version, e.g. 12.4", { type: "string" }),
  query("minReliability", "minimum provider reliability 0-100", { type: "integer", minimum: 0, maximum: 100 }),
  query("sort", "price (default), value = price per TFLOP-hour, vram, tflops, newest", { type: "string", enum: sorts }),
  query("limit", `page size, default ${DEFAULT_LIMIT}`, { type: "integer", minimum: 1, maximum: MAX_LIMIT }),
  query("cursor", "nextCursor of the previous page (same sort)", { type: "string" }),
];

export const listingPaths = {
  "/api/v1/listings": {
    get: operation({
      operationId: "searchListings",
      summary: "Search live listings",
      description:
        "The marketplace's search, for anyone: live listings of providers in good standing, filtered, sorted and paged by cursor.",
      tags,
      parameters: searchParameters,
      responses: { 200: reply("one page of listings and the total", "ListingPage") },
      errors: [400],
    }),
    post: operation({
      operationId: "createListing",
      summary: "Create a listing",
      description: "Creates a draft for the signed-in provider, or with submit: true submits it for review at once.",
      tags,
      body: {
        schema: {
          allOf: [
            jsonSchema(createListingSchema),
            { type: "object", properties: { submit: { type: "boolean", description: "true: submit for review at once" } } },
          ],
        },
      },
      responses: { 201: reply("the new listing as its owner sees it", "ListingDetail") },
      errors: [400, 401, 403],
    }),
  },
  "/api/v1/listings/{id}": {
    get: operation({
      operationId: "getListing",
      summary: "One listing",
      description:
        "A live listing for anyone; drafts, listings in review and the rest only for their owner and admins (404 for anyone else).",
      tags,
      parameters: [idParam],
      responses: { 200: reply("the listing", "ListingDetail") },
      errors: [404],
    }),
    patch: operation({
      operationId: "updateListing",
      summary: "Edit a listing",
      description:
        "The owner changes any subset of the fields. Changes to the hardware, price or description of a live or paused listing send it back to review (sentToReview); rental hours do not.",
      tags,
      parameters: [idParam],
      body: { schema: updateListingSchema },
      responses: { 200: reply("the listing after the change", "ListingUpdate") },
      errors: [400, 401, 403, 404, 409],
    }),
  },
  "/api/v1/listings/{id}/status": {
    post: operation({
      operationId: "changeListingStatus",
      summary: "Move a listing through its lifecycle",
      description: `Owners: ${ownerActions.join(", ")}. Admins also: ${adminActions.join(", ")} (reject with a reason). A transition the current status does not allow is a 409.`,
      tags,
      parameters: [idParam],
      body: { schema: statusChangeSchema },
      responses: { 200: reply("the listing in its new status", "ListingDetail") },
      errors: [400, 401, 403, 404, 409],
    }),
  },
  "/api/v1/reports": {
    post: operation({
      operationId: "createReport",
      summary: "Report a listing or a user",
      description:
        "A signed-in user reports a listing or a user (named by id or address) to the admins. One open report per target and reporter; not oneself; a few per hour.",
      tags,
      body: { schema: createReportSchema },
      responses: { 201: reply("the report, open until an admin resolves it", "ReportCreated") },
      errors: [400, 401, 403, 409, 429],
    }),
  },
};
