import type { Metadata } from "next";
import { NotificationText } from "@/components/notifications/notification-text";
import { getTranslations } from "@/lib/i18n/server";
import { pageMetadata } from "@/lib/i18n/page-metadata";
import { requirePageCaller } from "@/lib/auth/server/page-guards";
import { listNotifications } from "@/lib/notifications/server/read";
import { tokenInfo } from "@/lib/chain/server/token-info";
import { openNotification, readAllNotifications } from "@/components/notifications/actions";
import { Button } from "@/components/ui/button";

export async function generateMetadata(): Promise<Metadata> {
  return pageMetadata((await getTranslations("notifications"))("inbox"), "inbox");
}
export const dynamic = "force-dynamic";

export default async function InboxPage() {
  const caller = await requirePageCaller("/inbox");
  const [items, { symbol }, t] = await Promise.all([
    listNotifications(caller.userId, { limit: 100 }),
    tokenInfo(),
    getTranslations("notifications"),
  ]);
  const unread = items.filter((n) => !n.readAt).length;
  return (
    <section className="max-w-2xl space-y-4">
      <div className="flex items-center justify-between gap-4">
        <h1 className="text-2xl font-semibold">{t("inbox")}</h1>
        {unread > 0 && (
          <form action={readAllNotifications}>
            <Button type="submit" variant="secondary">
              {t("markAllRead")}
            </Button>
          </form>
        )}
      </div>
      {items.length === 0 ? (
        <p className="text-slate-500">{t("empty")}</p>
      ) : (
        <ul
          className="divide-y divide-slate-200 rounded-xl border border-slate-200 dark:divide-slate-800 dark:border-slate-800"
          data-testid="inbox"
        >
          {items.map((n) => (
            <li key={n.id} data-unread={n.readAt ? undefined : "true"}>
              <form action={openNotification}>
                <input type="hidden" name="id" value={n.id} />
                <Button type="submit" variant="ghost" size="row" data-testid="inbox-item">
                  <span
                    aria-hidden
                    className={`mt-1.5 size-2 shrink-0 self-start rounded-full ${n.readAt ? "bg-transparent" : "bg-brand-600"}`}
                  />
                  <span className={n.readAt ? "text-slate-600 dark:text-slate-400" : "font-medium"}>
                    {!n.readAt && <span className="sr-only">{t("unread")} </span>}
                    <NotificationText kind={n.kind} params={n.params} createdAt={n.createdAt} symbol={symbol} />
                  </span>
                </Button>
              </form>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
