import "server-only";
/**
 * A notice as the inbox API returns it, defined once: InboxItem is this schema's type and the
 * OpenAPI document's Notification is generated from it. It sits in server/ beside notify.ts, whose
 * list of kinds it shows as examples.
 */
import { z } from "zod";
import { wireDate } from "@/lib/core/wire";
import { notificationKinds } from "@/lib/notifications/server/notify";

export const notificationSchema = z
  .object({
    id: z.string(),
    kind: z
      .string()
      .meta({ description: "what happened; older notices may carry kinds no longer written", examples: [...notificationKinds] }),
    params: z.record(z.string(), z.unknown()).meta({
      description: "the values its message needs; amounts as base-unit strings",
      examples: [{ jobTitle: "Fine-tune a 7B model", pricePerGpuHour: "1850000" }],
    }),
    href: z.string().describe("the app page it is about, e.g. /jobs/{id}"),
    readAt: wireDate.nullable(),
    createdAt: wireDate,
  })
  .describe("A notice to the signed-in user. It stores a kind and parameters, not text, so clients word it in the reader's language.");
export type InboxItem = z.infer<typeof notificationSchema>;

export const inboxSchema = z.object({
  items: z.array(notificationSchema),
  unreadCount: z.int().describe("all unread notices, not only those in items"),
});
