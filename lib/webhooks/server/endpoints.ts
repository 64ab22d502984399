import "server-only";
/**
 * A user's webhook endpoints and their delivery log: register (the URL checked against the SSRF
 * policy, its host resolved in production), list, delete, read the deliveries, redeliver one now.
 */
import { env } from "@/env";
import { ApiError } from "@/lib/core/server/api-error";
import { db } from "@/lib/core/server/db";
import { recordIdPattern } from "@/lib/core/fields";
import type { Prisma } from "@/lib/generated/prisma/client";
import { invalidParameters } from "@/lib/core/server/http";
import { endpointUrlProblem } from "@/lib/webhooks/address-policy";
import {
  MAX_ENDPOINTS,
  webhookEventTypes,
  type CreateWebhookInput,
  type CreatedWebhook,
  type WebhookDeliveryView,
  type WebhookEndpointView,
  type WebhookEventType,
} from "@/lib/webhooks/schema";
import { resolvesPublicly } from "@/lib/webhooks/server/send";
import { attemptDelivery } from "@/lib/webhooks/server/worker";
import { newWebhookSecret } from "@/lib/webhooks/signing";

const endpointSelect = { id: true, url: true, description: true, events: true, createdAt: true } as const;

const isEventType = (e: string): e is WebhookEventType => (webhookEventTypes as readonly string[]).includes(e);

function toView(row: { id: string; url: string; description: string; events: string[]; createdAt: Date }): WebhookEndpointView {
  return { ...row, events: row.events.filter(isEventType), createdAt: row.createdAt.toISOString() };
}

export async function createWebhookEndpoint(userId: string, input: CreateWebhookInput): Promise<CreatedWebhook> {
  const production = env.NODE_ENV === "production";
  const url = new URL(input.url);
  const problem = endpointUrlProblem(url, production) ?? (production ? await resolvesPublicly(url.hostname) : null);
  if (problem) throw invalidParameters({ url: [problem] });
  const count = await db.webhookEndpoint.count({ where: { userId } });
  if (count >= MAX_ENDPOINTS)
    throw new ApiError(409, "too_many_endpoints", `You have ${MAX_ENDPOINTS} webhook endpoints; delete one first.`);
  const secret = newWebhookSecret();
  const row = await db.webhookEndpoint.create({
    data: { userId, url: url.toString(), description: input.description, events: input.events, secret },
    select: endpointSelect,
  });
  return { ...toView(row), secret };
}

export async function listWebhookEndpoints(userId: string): Promise<WebhookEndpointView[]> {
  const rows = await db.webhookEndpoint.findMany({
    where: { userId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: endpointSelect,
  });
  return rows.map(toView);
}

const notFound = () => new ApiError(404, "not_found", "You have no webhook endpoint with this id.");

async function ownEndpoint(userId: string, id: string): Promise<WebhookEndpointView> {
  // Not an id this app issues (say with a NUL byte PostgreSQL refuses): no such endpoint, and no query.
  if (!recordIdPattern.test(id)) throw notFound();
  const row = await db.webhookEndpoint.findUnique({ where: { id }, select: { ...endpointSelect, userId: true } });
  if (!row || row.userId !== userId) throw notFound();
  return toView(row);
}

export async function getWebhookEndpoint(userId: string, id: string): Promise<WebhookEndpointView> {
  return ownEndpoint(userId, id);
}

/** Deletes the endpoint and its pending deliveries with it: nothing more is sent there. */
export async function deleteWebhookEndpoint(userId: string, id: string): Promise<void> {
  await ownEndpoint(userId, id);
  await db.webhookEndpoint.delete({ where: { id } });
}

const deliverySelect = {
  id: true,
  eventId: true,
  type: true,
  status: true,
  attempts: true,
  nextAttemptAt: true,
  createdAt: true,
  deliveredAt: true,
  payload: true,
  attemptLog: {
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: 20,
    select: { at: true, statusCode: true, error: true, durationMs: true, manual: true },
  },
} satisfies Prisma.WebhookDeliverySelect;

type DeliveryRow = Prisma.WebhookDeliveryGetPayload<{ select: typeof deliverySelect }>;

function deliveryView(row: DeliveryRow): WebhookDeliveryView {
  // Rows are only written by emitWebhookEvent, from the typed list: anything else is a bug to hear of.
  if (!isEventType(row.type)) throw new Error(`webhook delivery ${row.id} has unknown type ${row.type}`);
  return {
    ...row,
    type: row.type,
    nextAttemptAt: row.status === "PENDING" ? row.nextAttemptAt.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
    attemptLog: row.attemptLog.map((a) => ({ ...a, at: a.at.toISOString() })),
  };
}

/** The endpoint's newest 50 deliveries with their attempts: the delivery log. */
export async function listDeliveries(userId: string, endpointId: string): Promise<WebhookDeliveryView[]> {
  await ownEndpoint(userId, endpointId);
  const rows = await db.webhookDelivery.findMany({
    where: { endpointId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 50,
    select: deliverySelect,
  });
  return rows.map(deliveryView);
}

/** Sends one delivery again now, whatever its status, and answers with it and the new attempt on top of its log. */
export async function redeliver(userId: string, endpointId: string, deliveryId: string): Promise<WebhookDeliveryView> {
  await ownEndpoint(userId, endpointId);
  const delivery = recordIdPattern.test(deliveryId)
    ? await db.webhookDelivery.findUnique({ where: { id: deliveryId }, select: { endpointId: true } })
    : null;
  if (!delivery || delivery.endpointId !== endpointId) throw new ApiError(404, "not_found", "This endpoint has no delivery with this id.");
  await attemptDelivery(deliveryId, { db, manual: true });
  return deliveryView(await db.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId }, select: deliverySelect }));
}
