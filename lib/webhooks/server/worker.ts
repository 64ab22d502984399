import "server-only";
/**
 * Sends what the outbox (server/outbox.ts) holds. A batch of due deliveries is claimed with FOR UPDATE
 * SKIP LOCKED and leased (nextAttemptAt pushed past the send timeout) in a short transaction, then
 * sent outside it; each result is recorded with its attempt row. A worker that dies mid-send leaves
 * the lease to run out and the delivery is sent again: at least once, never lost, and two workers
 * never send the same due row at once. Started beside the indexer (scripts/indexer.ts).
 */
import { setTimeout as sleep } from "node:timers/promises";
import { env } from "@/env";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { nextAttemptAt } from "@/lib/webhooks/retry";
import { postWebhook, type SendResult } from "@/lib/webhooks/server/send";
import { signedHeaders } from "@/lib/webhooks/signing";

/** Longer than a send can take (10 s timeout), so a lease only runs out when its worker is gone. */
const LEASE_MS = 2 * 60 * 1000;
const BATCH = 10;

export interface DeliveryOptions {
  db: PrismaClient;
  now?: () => Date;
  /** Private and loopback receivers; by default everywhere but production. */
  allowPrivate?: boolean;
  timeoutMs?: number;
}

const at = (date: Date) => Prisma.sql`${date.toISOString().slice(0, 23)}::timestamp(3)`;

async function claimDue(db: PrismaClient, now: Date): Promise<string[]> {
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "WebhookDelivery"
       WHERE status = 'PENDING' AND "nextAttemptAt" <= ${at(now)}
       ORDER BY "nextAttemptAt" LIMIT ${BATCH}
         FOR UPDATE SKIP LOCKED`;
    const ids = rows.map((r) => r.id);
    if (ids.length > 0)
      await tx.webhookDelivery.updateMany({ where: { id: { in: ids } }, data: { nextAttemptAt: new Date(now.getTime() + LEASE_MS) } });
    return ids;
  });
}

/**
 * Sends one delivery now and records the attempt. Scheduled attempts move the delivery along its retry
 * schedule (lib/webhooks/retry.ts); a manual one (redeliver) only records what happened, and marks
 * the delivery delivered if it got through. Null when the delivery is gone (its endpoint was deleted).
 */
export async function attemptDelivery(id: string, opts: DeliveryOptions & { manual?: boolean }): Promise<SendResult | null> {
  const { db } = opts;
  const now = opts.now ?? (() => new Date());
  const delivery = await db.webhookDelivery.findUnique({
    where: { id },
    select: {
      eventId: true,
      payload: true,
      attempts: true,
      status: true,
      giveUpAt: true,
      endpoint: { select: { url: true, secret: true } },
    },
  });
  if (!delivery) return null;
  const startedAt = now();
  const result = await postWebhook(
    delivery.endpoint.url,
    signedHeaders(delivery.endpoint.secret, delivery.eventId, delivery.payload, startedAt),
    delivery.payload,
    {
      allowPrivate: opts.allowPrivate ?? env.NODE_ENV !== "production",
      timeoutMs: opts.timeoutMs,
    },
  );
  const ok = result.error === null;
  const finishedAt = now();
  const outcome = { attempts: { increment: 1 }, lastStatusCode: result.statusCode, lastError: result.error };
  let data: Prisma.WebhookDeliveryUpdateInput;
  if (ok) data = { ...outcome, status: "SUCCEEDED", deliveredAt: finishedAt };
  else if (opts.manual) data = outcome;
  else {
    const next = nextAttemptAt(delivery.attempts + 1, finishedAt, delivery.giveUpAt);
    data = next ? { ...outcome, nextAttemptAt: next } : { ...outcome, status: "FAILED" };
  }
  await db.$transaction([
    db.webhookAttempt.create({
      data: {
        deliveryId: id,
        at: startedAt,
        statusCode: result.statusCode,
        error: result.error,
        durationMs: result.durationMs,
        manual: opts.manual === true,
      },
    }),
    db.webhookDelivery.update({ where: { id }, data }),
  ]);
  return result;
}

/** Claims and sends the deliveries that are due; returns how many were tried. */
export async function deliverDue(opts: DeliveryOptions): Promise<number> {
  const ids = await claimDue(opts.db, (opts.now ?? (() => new Date()))());
  // A deleted endpoint takes its deliveries with it (cascade): attemptDelivery then skips the id. One
  // delivery that cannot be recorded does not stop the others; its lease runs out and it is tried again.
  const results = await Promise.allSettled(ids.map((id) => attemptDelivery(id, opts)));
  const failure = results.find((r) => r.status === "rejected");
  if (failure) throw failure.reason;
  return ids.length;
}

export interface WorkerOptions extends DeliveryOptions {
  signal: AbortSignal;
  pollMs?: number;
  log?: (message: string) => void;
}

/** Runs until `signal` aborts: sends due deliveries, idles `pollMs` when there are none, backs off on database errors. */
export async function runWebhookWorker(opts: WorkerOptions): Promise<void> {
  const log = opts.log ?? ((m: string) => console.log(m));
  const pause = (ms: number) => sleep(ms, undefined, { signal: opts.signal }).catch(() => {});
  let backoff = 1_000;
  while (!opts.signal.aborted) {
    try {
      const sent = await deliverDue(opts);
      backoff = 1_000;
      if (sent === 0) await pause(opts.pollMs ?? 1_000);
    } catch (error) {
      log(
        `webhook delivery failed, retrying in ${backoff / 1000} s: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`,
      );
      await pause(backoff);
      backoff = Math.min(backoff * 2, 30_000);
    }
  }
}
