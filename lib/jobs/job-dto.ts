/**
 * Jobs and offers as they leave the server (pages, actions and the v1 API alike), defined once:
 * JobCard, JobDetail and OfferView are these schemas' types, and the OpenAPI document's response
 * bodies are generated from them. Dates are Dates on the server and ISO strings in JSON (wireDate).
 */
import { z } from "zod";
import { JobFramework, JobStatus, OfferStatus, OrderStatus } from "@/lib/generated/prisma/enums";
import { baseUnits, wireDate } from "@/lib/core/wire";
import { orderSchema, txRequestSchema } from "@/lib/orders/order-dto";

export const jobCardSchema = z.object({
  id: z.string(),
  title: z.string(),
  framework: z.enum(JobFramework),
  status: z.enum(JobStatus).describe("an OPEN job past its offer deadline reads EXPIRED"),
  gpuModels: z.array(z.string()).describe("catalog ids the job accepts; empty: any model"),
  minVramGb: z.int(),
  gpuCount: z.int(),
  minReliability: z.int(),
  regions: z.array(z.string()).describe("country codes; empty: anywhere"),
  estimatedHours: z.int(),
  maxPricePerGpuHour: baseUnits("the most the buyer pays per GPU-hour"),
  maxBudget: baseUnits("maxPricePerGpuHour x gpuCount x estimatedHours"),
  offerDeadline: wireDate,
  publishedAt: wireDate.nullable(),
  createdAt: wireDate,
  offerCount: z.int().describe("pending offers"),
});
export type JobCard = z.infer<typeof jobCardSchema>;

export const jobViewerRoles = ["buyer", "provider", "admin"] as const;

export const jobDetailSchema = jobCardSchema
  .extend({
    buyerId: z.string(),
    buyer: z.object({ address: z.string(), displayName: z.string().nullable() }),
    description: z.string(),
    containerImage: z.string(),
    command: z.string(),
    datasetUrl: z.string(),
    outputUrl: z.string(),
    completedAt: wireDate.nullable(),
    cancelledAt: wireDate.nullable(),
    updatedAt: wireDate,
    viewerRole: z.enum(jobViewerRoles).nullable().describe("provider: the one whose offer was accepted; null for anyone else"),
    order: z
      .object({ id: z.string(), status: z.enum(OrderStatus), amount: baseUnits("the escrow amount"), providerAddress: z.string() })
      .nullable()
      .describe("parties and admins only"),
    orderId: z.string().nullable().describe("parties and admins only"),
    resultUrl: z.string().nullable().describe("parties and admins only"),
    resultSha256: z.string().nullable().describe("parties and admins only"),
  })
  .describe("A training job. After acceptance its status follows its order, which follows the escrow events the indexer reads.");
export type JobDetail = z.infer<typeof jobDetailSchema>;

export const jobPageSchema = z.object({
  items: z.array(jobCardSchema),
  nextCursor: z.string().nullable().describe("pass as cursor (with the same sort) for the next page; null on the last"),
});

export const offerSchema = z.object({
  id: z.string(),
  jobId: z.string(),
  providerId: z.string(),
  status: z.enum(OfferStatus),
  pricePerGpuHour: baseUnits("per GPU-hour, at most the job's maximum"),
  total: baseUnits("pricePerGpuHour x the job's gpuCount x estimatedHours: what the buyer would pay"),
  earliestStart: wireDate,
  note: z.string(),
  createdAt: wireDate,
  decidedAt: wireDate.nullable(),
  provider: z.object({
    address: z.string(),
    displayName: z.string().nullable(),
    reliability: z.int(),
    completedRentals: z.int(),
    failedRentals: z.int(),
  }),
  machine: z.object({
    id: z.string(),
    gpuModel: z.string(),
    gpuCount: z.int(),
    vramGb: z.int(),
    tflopsPerGpu: z.string().describe("decimal text"),
    cpuCores: z.int(),
    ramGb: z.int(),
    diskGb: z.int(),
    downloadMbps: z.int(),
    country: z.string(),
    city: z.string(),
  }),
  job: z.object({
    id: z.string(),
    title: z.string(),
    status: z.enum(JobStatus),
    offerDeadline: wireDate,
    orderId: z.string().nullable().describe("only for an accepted offer: the order to pay and settle through"),
  }),
});
export type OfferView = z.infer<typeof offerSchema>;

export const jobOffersSchema = z.object({
  count: z.int().describe("pending offers, for anyone"),
  offers: z.array(offerSchema).describe("all for the buyer and admins, a provider's own, none for anyone else"),
});

export const offerListSchema = z.object({ items: z.array(offerSchema) });

export const jobTransitionSchema = z.object({
  job: jobDetailSchema,
  orderId: z.string(),
  transaction: txRequestSchema.nullable().describe("the escrow call to sign"),
});

export const progressNoteViewSchema = z.object({ id: z.string(), body: z.string(), createdAt: wireDate });

export const withdrawnOfferSchema = z.object({ id: z.string(), status: z.enum(OfferStatus) });

export const acceptedOfferSchema = z.object({
  jobId: z.string(),
  orderId: z.string(),
  order: orderSchema,
});
