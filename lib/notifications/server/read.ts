import "server-only";
/**
 * Reading one's own inbox: the list, the unread count for the bell, marking a notice read. Every
 * function takes the reader's user id and touches only that user's rows, so a notice id guessed
 * from someone else's inbox reads as not found. (Writing notices is lib/notifications/server/notify.ts.)
 */
import { db } from "@/lib/core/server/db";
import { recordIdPattern } from "@/lib/core/fields";
import type { InboxItem } from "@/lib/notifications/server/notification-dto";

/** Notification ids are cuids; anything else cannot exist. */
export const notificationIdPattern = recordIdPattern;

const select = { id: true, kind: true, params: true, href: true, readAt: true, createdAt: true } as const;

function toItem(row: { id: string; kind: string; params: unknown; href: string; readAt: Date | null; createdAt: Date }): InboxItem {
  const params = row.params && typeof row.params === "object" && !Array.isArray(row.params) ? (row.params as Record<string, unknown>) : {};
  return { ...row, params };
}

/** Newest first; `unreadOnly` for the bell's dropdown. */
export async function listNotifications(userId: string, opts: { limit?: number; unreadOnly?: boolean } = {}): Promise<InboxItem[]> {
  const rows = await db.notification.findMany({
    where: { userId, ...(opts.unreadOnly ? { readAt: null } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(opts.limit ?? 50, 1), 200),
    select,
  });
  return rows.map(toItem);
}

export function unreadCount(userId: string): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null } });
}

/**
 * Marks the reader's notice read (keeping the first read time) and returns it, or null when the
 * reader has no notice with this id.
 */
export async function markRead(userId: string, id: string): Promise<InboxItem | null> {
  if (!notificationIdPattern.test(id)) return null;
  await db.notification.updateMany({ where: { id, userId, readAt: null }, data: { readAt: new Date() } });
  const row = await db.notification.findFirst({ where: { id, userId }, select });
  return row ? toItem(row) : null;
}

export async function markAllRead(userId: string): Promise<number> {
  const { count } = await db.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: new Date() } });
  return count;
}
