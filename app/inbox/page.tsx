import type { Metadata } from "next";
import { NotificationText } from "@/components/notifications/notification-text";
import { requirePageCaller } from "@/lib/server/auth/page-guards";
import { listNotifications } from "@/lib/server/notifications-read";
import { tokenInfo } from "@/lib/server/token-info";
import { openNotification, readAllNotifications } from "./actions";

export const metadata: Metadata = { title: "Inbox" };
export const dynamic = "force-dynamic";

export default async function InboxPage() {
  const caller = await requirePageCaller("/inbox");
  const [items, { symbol }] = await Promise.all([listNotifications(caller.userId, { limit: 100 }), tokenInfo()]);
  const unread = items.filter((n) => !n.readAt).length;
  return (
    <section className="max-w-2xl space-y-4">
      <div className="flex items-center justify-between gap-4">
        <h1 className="text-2xl font-semibold">Inbox</h1>
        {unread > 0 && (
          <form action={readAllNotifications}>
            <button type="submit" className="rounded-lg border border-slate-300 px-3 py-1.5 text-sm dark:border-slate-700">
              Mark all read
            </button>
          </form>
        )}
      </div>
      {items.length === 0 ? (
        <p className="text-slate-500">No notifications yet. Offers on your jobs and updates on your work show up here.</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 dark:divide-slate-800 dark:border-slate-800" data-testid="inbox">
          {items.map((n) => (
            <li key={n.id} data-unread={n.readAt ? undefined : "true"}>
              <form action={openNotification}>
                <input type="hidden" name="id" value={n.id} />
                <button type="submit" className="flex w-full gap-3 px-4 py-3 text-left hover:bg-slate-50 dark:hover:bg-slate-900" data-testid="inbox-item">
                  <span aria-hidden className={`mt-1.5 size-2 shrink-0 rounded-full ${n.readAt ? "bg-transparent" : "bg-brand-600"}`} />
                  <span className={n.readAt ? "text-slate-600 dark:text-slate-400" : "font-medium"}>
                    {!n.readAt && <span className="sr-only">Unread: </span>}
                    <NotificationText kind={n.kind} params={n.params} createdAt={n.createdAt} symbol={symbol} />
                  </span>
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
