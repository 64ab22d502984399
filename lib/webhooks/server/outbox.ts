import "server-only";
/**
 * The webhook outbox. A domain change that users may subscribe to calls `emitWebhookEvent(tx, ...)`
 * inside its own transaction, beside notify(): the delivery rows commit with the change or not at all,
 * so a rolled-back change never sends an event and a crash after the commit never loses one (the
 * worker, server/worker.ts, sends what is pending). Delivery is at least once: receivers drop
 * duplicates by the webhook-id header.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import { RETRY_WINDOW_MS } from "@/lib/webhooks/retry";
import type { WebhookEventType } from "@/lib/webhooks/schema";
import { newEventId } from "@/lib/webhooks/signing";

export interface WebhookEvent {
  type: WebhookEventType;
  /** Whose endpoints hear of it, e.g. an order's buyer and provider. */
  userIds: string[];
  /** Plain JSON: ids, statuses, amounts as base-unit strings. */
  data: Record<string, string | number | boolean | null>;
}

/** Queues `event` for every endpoint of its users subscribed to its type; returns how many deliveries. */
export async function emitWebhookEvent(tx: Prisma.TransactionClient, event: WebhookEvent, now = new Date()): Promise<number> {
  const userIds = [...new Set(event.userIds)];
  if (userIds.length === 0) return 0;
  const endpoints = await tx.webhookEndpoint.findMany({
    where: { userId: { in: userIds }, events: { has: event.type } },
    select: { id: true },
  });
  if (endpoints.length === 0) return 0;
  const eventId = newEventId();
  // Standard Webhooks' payload shape: the type, when it happened, and the data.
  const payload = JSON.stringify({ type: event.type, timestamp: now.toISOString(), data: event.data });
  const giveUpAt = new Date(now.getTime() + RETRY_WINDOW_MS);
  await tx.webhookDelivery.createMany({
    data: endpoints.map((e) => ({ endpointId: e.id, eventId, type: event.type, payload, nextAttemptAt: now, giveUpAt, createdAt: now })),
  });
  return endpoints.length;
}
