import { formatDateTime } from "@/lib/i18n/format";
import { getLocale } from "@/lib/i18n/server";
import { notificationMessage } from "@/lib/notifications/messages";

/** One notice as a line: its message and when it came, in the reader's language. A server component (the inbox, and the bell's server-rendered list). */
export async function NotificationText({
  kind,
  params,
  createdAt,
  symbol,
}: {
  kind: string;
  params: Record<string, unknown>;
  createdAt: Date | string;
  symbol: string;
}) {
  const when = new Date(createdAt);
  const locale = await getLocale();
  return (
    <>
      <span className="block">{notificationMessage(kind, params, symbol, locale)}</span>
      <time dateTime={when.toISOString()} className="block text-xs text-slate-500">
        {formatDateTime(when, locale)}
      </time>
    </>
  );
}
