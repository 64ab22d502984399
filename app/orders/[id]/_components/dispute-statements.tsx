/** The dispute's statements on the order page; the parties may add one while it is disputed. */
import { formatDateTime } from "@/lib/i18n/format";
import { getLocale, getMessages, getTranslations } from "@/lib/i18n/server";
import { listDisputeStatements } from "@/lib/orders/server/statements";
import { StatementForm } from "./statement-form";

export async function DisputeStatements({ orderId, status, canPost }: { orderId: string; status: string; canPost: boolean }) {
  const statements = await listDisputeStatements(orderId);
  if (statements.length === 0 && status !== "DISPUTED") return null;
  const [t, messages, locale] = await Promise.all([getTranslations("orders"), getMessages("orders"), getLocale()]);
  return (
    <section aria-labelledby="statements" className="space-y-3">
      <h2 id="statements" className="font-semibold">
        {t("statements")}
      </h2>
      {statements.length === 0 ? <p className="text-sm text-slate-500">{t("noStatements")}</p> : null}
      <ul className="space-y-2 text-sm">
        {statements.map((s) => (
          <li key={s.id} className="border-l-2 border-slate-300 pl-2 dark:border-slate-700" data-testid="order-statement">
            <div className="text-xs text-slate-500">
              {s.side === "buyer" || s.side === "provider" ? t(`side.${s.side}`) : s.side} · {formatDateTime(s.createdAt, locale)}
            </div>
            <p className="whitespace-pre-wrap">{s.body}</p>
          </li>
        ))}
      </ul>
      {canPost && status === "DISPUTED" ? <StatementForm orderId={orderId} messages={messages} locale={locale} /> : null}
    </section>
  );
}
