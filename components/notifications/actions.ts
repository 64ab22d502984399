"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { currentCaller } from "@/lib/auth/server/caller";
import { markAllRead, markRead, notificationIdPattern } from "@/lib/notifications/server/read";
import { safeNextPath } from "@/lib/auth/server/page-guards";

const openInput = z.object({ id: z.string().regex(notificationIdPattern) });

/** Opening a notice (from the bell or the inbox) marks it read, then goes where it points. */
export async function openNotification(formData: FormData): Promise<void> {
  const caller = await currentCaller();
  if (!caller) redirect("/sign-in?next=/inbox");
  const parsed = openInput.safeParse({ id: formData.get("id") });
  const item = parsed.success ? await markRead(caller.userId, parsed.data.id) : null;
  revalidatePath("/", "layout");
  // href is written by the server (lib/notifications/server/notify.ts), but it is still only ever a same-site path.
  redirect(item ? safeNextPath(item.href) : "/inbox");
}

export async function readAllNotifications(): Promise<void> {
  const caller = await currentCaller();
  if (!caller) redirect("/sign-in?next=/inbox");
  await markAllRead(caller.userId);
  revalidatePath("/", "layout");
  redirect("/inbox");
}
