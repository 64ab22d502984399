import { NextResponse } from "next/server";
import { z } from "zod";
import { callerFromRequest, requireCaller } from "@/lib/auth/server/caller";
import { handle } from "@/lib/core/server/api-error";
import { listNotifications, unreadCount } from "@/lib/notifications/server/read";
import { parseOr400 } from "@/lib/core/server/http";

const querySchema = z.object({
  unread: z.enum(["0", "1"], { error: "must be 0 or 1" }).optional(),
  limit: z
    .string()
    .regex(/^\d+$/, "must be a whole number")
    .transform(Number)
    .refine((n) => n >= 1 && n <= 200, "must be between 1 and 200")
    .optional(),
});

/** The signed-in user's notifications, newest first, with the unread count the bell shows. */
export const GET = handle(async (request: Request) => {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const query = parseOr400(querySchema, params);
  const caller = requireCaller(await callerFromRequest(request));
  const [items, unread] = await Promise.all([
    listNotifications(caller.userId, { limit: query.limit, unreadOnly: query.unread === "1" }),
    unreadCount(caller.userId),
  ]);
  return NextResponse.json({ items, unreadCount: unread });
});
