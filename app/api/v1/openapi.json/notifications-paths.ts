/** The inbox part of the OpenAPI document (issue 6). */
import { idParam, operation, query, reply } from "@/app/api/v1/openapi.json/builder";

const tags = ["Notifications"];

export const notificationPaths = {
  "/api/v1/notifications": {
    get: operation({
      operationId: "listNotifications",
      summary: "Your notifications",
      description: "The signed-in user's notifications, newest first, with the unread count the bell shows.",
      tags,
      parameters: [
        query("unread", "1: only unread ones", { type: "string", enum: ["0", "1"] }),
        query("limit", "at most this many (1-200, default 50)", { type: "integer", minimum: 1, maximum: 200 }),
      ],
      responses: { 200: reply("the notifications and the unread count", "Inbox") },
      errors: [400, 401],
    }),
  },
  "/api/v1/notifications/{id}/read": {
    post: operation({
      operationId: "markNotificationRead",
      summary: "Mark a notification read",
      description:
        "Marks one of the signed-in user's notifications read, keeping the first read time; anyone else's id is a 404, like an unknown one.",
      tags,
      parameters: [idParam],
      responses: { 200: reply("the notification", "Notification") },
      errors: [401, 403, 404],
    }),
  },
};
