import "server-only";
/**
 * The in-app inbox (issue 6). A notification stores its kind and parameters, not text, so the
 * bell renders it in the reader's language; it is written in the same transaction as the change
 * it announces, so a rolled-back change never leaves a notice behind.
 */
import type { Prisma } from "@/lib/generated/prisma/client";

export const notificationKinds = [
  "offer.new",
  "offer.accepted",
  "offer.declined",
  "job.funded",
  "job.completed",
  "job.disputed",
  "job.resolved",
  "machine.offline",
  "machine.review",
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export interface NewNotification {
  userId: string;
  kind: NotificationKind;
  /** Plain values the message template needs, e.g. { jobTitle, price }; amounts as base-unit strings. */
  params?: Record<string, string | number>;
  /** An app path, e.g. `/jobs/${id}`. */
  href: string;
}

export async function notify(tx: Prisma.TransactionClient, notices: NewNotification | NewNotification[]): Promise<void> {
  const rows = (Array.isArray(notices) ? notices : [notices]).map((n) => ({
    userId: n.userId,
    kind: n.kind,
    params: n.params ?? {},
    href: n.href,
  }));
  if (rows.length > 0) await tx.notification.createMany({ data: rows });
}
