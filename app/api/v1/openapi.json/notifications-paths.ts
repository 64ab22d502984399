/** The inbox part of the OpenAPI document (issue 6); route.ts passes in its helpers like jobs-paths.ts. */
import { notificationKinds } from "@/lib/notifications/server/notify";

interface Helpers {
  json: (schema: unknown) => Record<string, unknown>;
  errors: (...codes: number[]) => Record<string, unknown>;
  query: (name: string, description: string, schema: Record<string, unknown>) => Record<string, unknown>;
  idParam: Record<string, unknown>;
}

export const notificationSchema = {
  type: "object",
  description: "A notice to the signed-in user. It stores a kind and parameters, not text, so clients word it in the reader's language.",
  properties: {
    id: { type: "string" },
    kind: { type: "string", examples: [...notificationKinds] },
    params: { type: "object", additionalProperties: true, examples: [{ jobTitle: "Fine-tune a 7B model", pricePerGpuHour: "1850000" }] },
    href: { type: "string", description: "the app page it is about, e.g. /jobs/{id}" },
    readAt: { type: ["string", "null"], format: "date-time" },
    createdAt: { type: "string", format: "date-time" },
  },
};

export function notificationPaths({ json, errors, query, idParam }: Helpers) {
  return {
    "/api/v1/notifications": {
      get: {
        summary: "My notifications, newest first, with the unread count",
        parameters: [
          query("unread", "1: only unread ones", { type: "string", enum: ["0", "1"] }),
          query("limit", "at most this many (1-200, default 50)", { type: "integer", minimum: 1, maximum: 200 }),
        ],
        responses: {
          200: json({ type: "object", properties: { items: { type: "array", items: { $ref: "#/components/schemas/Notification" } }, unreadCount: { type: "integer" } } }),
          ...errors(400, 401),
        },
      },
    },
    "/api/v1/notifications/{id}/read": {
      post: {
        summary: "Mark one of my notifications read (the first read time is kept)",
        parameters: [idParam],
        responses: { 200: json({ $ref: "#/components/schemas/Notification" }), ...errors(401, 403, 404) },
      },
    },
  };
}
