import { notificationMessage } from "@/lib/notification-messages";

/** One notice as a line: its message and when it came. Renders on the server or inside the bell. */
export function NotificationText({ kind, params, createdAt, symbol }: { kind: string; params: Record<string, unknown>; createdAt: Date | string; symbol: string }) {
  const when = new Date(createdAt);
  return (
    <>
      <span className="block">{notificationMessage(kind, params, symbol)}</span>
      <time dateTime={when.toISOString()} className="block text-xs text-slate-500">
        {when.toISOString().slice(0, 16).replace("T", " ")} UTC
      </time>
    </>
  );
}
