import Link from "next/link";
import { openNotification } from "@/components/notifications/actions";
import { getTranslations } from "@/lib/i18n/server";
import { currentCaller } from "@/lib/auth/server/caller";
import { listNotifications, unreadCount } from "@/lib/notifications/server/read";
import { tokenInfo } from "@/lib/chain/server/token-info";
import { BellMenu } from "./bell-menu";
import { NotificationText } from "./notification-text";
import { Button } from "@/components/ui/button";

/**
 * The header's bell: the unread count, rendered on the server with the page, and the latest unread
 * notices in a small dropdown. Signed-out visitors see nothing. Opening a notice marks it read.
 */
export async function NotificationBell() {
  const caller = await currentCaller();
  if (!caller) return null;
  // One query after the other, and the list only when there is something unread: the bell renders on
  // every page, beside the page's own queries, and must not widen the connection pool (the embedded
  // dev/e2e database accepts only a few connections).
  const count = await unreadCount(caller.userId);
  const latest = count > 0 ? await listNotifications(caller.userId, { limit: 5, unreadOnly: true }) : [];
  const [{ symbol }, t] = await Promise.all([tokenInfo(), getTranslations("notifications")]);
  const label = count === 0 ? t("bellNone") : t("bellCount", { count });
  return (
    <BellMenu label={label} count={count}>
      {latest.length === 0 ? (
        <p className="px-3 py-2 text-sm text-slate-500">{t("nothingNew")}</p>
      ) : (
        <ul className="divide-y divide-slate-200 dark:divide-slate-800" data-testid="bell-items">
          {latest.map((n) => (
            <li key={n.id}>
              <form action={openNotification}>
                <input type="hidden" name="id" value={n.id} />
                <Button type="submit" variant="ghost" size="row" data-testid="bell-item">
                  <NotificationText kind={n.kind} params={n.params} createdAt={n.createdAt} symbol={symbol} />
                </Button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <Link href="/inbox" className="block border-t border-slate-200 px-3 py-2 text-sm font-medium underline dark:border-slate-800">
        {t("all")}
      </Link>
    </BellMenu>
  );
}
