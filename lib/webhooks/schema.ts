/**
 * Webhooks (issue 16): the events a user can subscribe an endpoint to, the form and API input for an
 * endpoint, and the shapes the API and the Account pages read. Pure, shared by routes, actions and tests.
 */
import { z } from "zod";
import { isoText } from "@/lib/core/wire";

export const webhookEventTypes = [
  "order.funded",
  "order.started",
  "order.stopped",
  "order.settled",
  "order.disputed",
  "offer.received",
  "offer.accepted",
  "job.completed",
  "listing.approved",
  "listing.rejected",
] as const;
export type WebhookEventType = (typeof webhookEventTypes)[number];

/** The most endpoints one user may register. */
export const MAX_ENDPOINTS = 10;

export const createWebhookSchema = z.object({
  url: z
    .string()
    .trim()
    .max(2000, "must be at most 2000 characters")
    .pipe(z.url({ protocol: /^https?$/, error: "must be an https:// URL" })),
  // Messages in the shapes lib/i18n/validation.ts re-says in German.
  events: z
    .array(z.enum(webhookEventTypes, { error: `must be one of ${webhookEventTypes.join(", ")}` }))
    .min(1, "is required")
    .transform((e) => [...new Set(e)]),
  description: z.string().trim().max(200, "must be at most 200 characters").default(""),
});
export type CreateWebhookInput = z.output<typeof createWebhookSchema>;

export const webhookEndpointSchema = z.object({
  id: z.string(),
  url: z.string(),
  description: z.string(),
  events: z.array(z.enum(webhookEventTypes)),
  createdAt: isoText,
});
export type WebhookEndpointView = z.infer<typeof webhookEndpointSchema>;

export const createdWebhookSchema = webhookEndpointSchema.extend({
  secret: z.string().meta({
    description: "the signing secret (Standard Webhooks: whsec_ and base64 of the HMAC key); shown this once",
    examples: ["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"],
  }),
});
export type CreatedWebhook = z.infer<typeof createdWebhookSchema>;

export const webhookEndpointListSchema = z.object({ endpoints: z.array(webhookEndpointSchema).describe("oldest first") });

export const webhookAttemptSchema = z.object({
  at: isoText,
  statusCode: z.int().nullable().describe("the receiver's HTTP status; null when none came (refused, timed out)"),
  error: z.string().nullable(),
  durationMs: z.int(),
  manual: z.boolean().describe("true: a redelivery someone asked for"),
});

export const webhookDeliverySchema = z.object({
  id: z.string(),
  eventId: z.string().describe("the webhook-id header, the same on every attempt"),
  type: z.enum(webhookEventTypes),
  status: z.enum(["PENDING", "SUCCEEDED", "FAILED"]).describe("FAILED: the retries ran out a day after the event"),
  attempts: z.int(),
  nextAttemptAt: isoText.nullable().describe("while PENDING"),
  createdAt: isoText,
  deliveredAt: isoText.nullable(),
  payload: z.string().describe("the JSON body, exactly as signed"),
  attemptLog: z.array(webhookAttemptSchema).describe("newest first, at most 20"),
});
export type WebhookDeliveryView = z.infer<typeof webhookDeliverySchema>;

export const webhookDeliveryListSchema = z.object({ deliveries: z.array(webhookDeliverySchema).describe("newest first, at most 50") });
