import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TableFrame, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { requirePageCaller } from "@/lib/auth/server/page-guards";
import { ApiError } from "@/lib/core/server/api-error";
import { formatDateTime } from "@/lib/i18n/format";
import { pageMetadata } from "@/lib/i18n/page-metadata";
import { getLocale, getTranslations } from "@/lib/i18n/server";
import type { WebhookDeliveryView } from "@/lib/webhooks/schema";
import { getWebhookEndpoint, listDeliveries } from "@/lib/webhooks/server/endpoints";
import { redeliverAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return pageMetadata((await getTranslations("webhooks"))("deliveries"), "account");
}
export const dynamic = "force-dynamic";

const tone = { PENDING: "warning", SUCCEEDED: "success", FAILED: "danger" } as const;

/** One endpoint's delivery log: each delivery, its attempts with the receiver's answers, and Redeliver. */
export default async function WebhookLogPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const caller = await requirePageCaller(`/account/webhooks/${id}`);
  const [t, locale] = await Promise.all([getTranslations("webhooks"), getLocale()]);
  let endpoint, deliveries: WebhookDeliveryView[];
  try {
    [endpoint, deliveries] = await Promise.all([getWebhookEndpoint(caller.userId, id), listDeliveries(caller.userId, id)]);
  } catch (error) {
    // Someone else's endpoint reads like one that does not exist.
    if (error instanceof ApiError && error.status === 404) notFound();
    throw error;
  }
  const when = (iso: string) => formatDateTime(new Date(iso), locale);
  return (
    <article className="space-y-6">
      <Link href="/account/webhooks" className="text-sm text-brand-700 hover:underline dark:text-brand-400">
        ← {t("back")}
      </Link>
      <h1 className="text-2xl font-semibold break-all">{t("logTitle", { url: endpoint.url })}</h1>
      {deliveries.length === 0 ? (
        <p className="text-sm text-slate-500">{t("noDeliveries")}</p>
      ) : (
        <TableFrame>
          <Table data-testid="delivery-log">
            <THead>
              <Tr>
                <Th>{t("event")}</Th>
                <Th>{t("status")}</Th>
                <Th numeric>{t("attempts")}</Th>
                <Th>{t("lastAttempt")}</Th>
                <Th>
                  <span className="sr-only">{t("redeliver")}</span>
                </Th>
              </Tr>
            </THead>
            <TBody>
              {deliveries.map((d) => (
                <Tr key={d.id} data-testid="delivery-row">
                  <Th scope="row" className="align-top">
                    <span className="font-mono text-xs">{d.type}</span>
                    <span className="block text-xs text-slate-500">{when(d.createdAt)}</span>
                    <details className="mt-1 text-xs">
                      <summary className="cursor-pointer text-slate-500">{t("payload")}</summary>
                      <pre className="mt-1 max-w-md overflow-x-auto whitespace-pre-wrap break-all">{d.payload}</pre>
                    </details>
                  </Th>
                  <Td className="align-top">
                    <Badge tone={tone[d.status]} data-testid="delivery-status">
                      {t(`status${d.status}`)}
                    </Badge>
                    {d.nextAttemptAt && (
                      <span className="block text-xs text-slate-500">{`${t("nextAttempt")}: ${when(d.nextAttemptAt)}`}</span>
                    )}
                  </Td>
                  <Td numeric className="align-top">
                    {d.attempts}
                  </Td>
                  <Td className="align-top text-xs">
                    <ul className="space-y-0.5">
                      {d.attemptLog.slice(0, 5).map((a) => (
                        <li key={a.at}>
                          {t("attemptLine", {
                            at: when(a.at),
                            result: a.statusCode === null ? (a.error ?? t("noAnswer")) : String(a.statusCode),
                            ms: a.durationMs,
                          })}
                          {a.manual && ` (${t("manual")})`}
                        </li>
                      ))}
                    </ul>
                  </Td>
                  <Td className="align-top">
                    <form action={redeliverAction}>
                      <input type="hidden" name="endpointId" value={endpoint.id} />
                      <input type="hidden" name="deliveryId" value={d.id} />
                      <Button type="submit" variant="secondary" size="sm" data-testid="delivery-redeliver">
                        {t("redeliver")}
                      </Button>
                    </form>
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        </TableFrame>
      )}
    </article>
  );
}
