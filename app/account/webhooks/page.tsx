import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Table, TableFrame, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { requirePageCaller } from "@/lib/auth/server/page-guards";
import { formatDateTime } from "@/lib/i18n/format";
import { pageMetadata } from "@/lib/i18n/page-metadata";
import { getLocale, getMessages, getTranslations } from "@/lib/i18n/server";
import { listWebhookEndpoints } from "@/lib/webhooks/server/endpoints";
import { AccountLinks } from "../_components/account-links";
import { AddEndpointForm } from "./_components/add-endpoint-form";
import { deleteEndpointAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return pageMetadata((await getTranslations("webhooks"))("title"), "account");
}
export const dynamic = "force-dynamic";

/** The signed-in user's webhook endpoints: add, delete, and a link to each one's delivery log. */
export default async function WebhooksPage() {
  const caller = await requirePageCaller("/account/webhooks");
  const [endpoints, t, ta, tk, messages, locale] = await Promise.all([
    listWebhookEndpoints(caller.userId),
    getTranslations("webhooks"),
    getTranslations("account"),
    getTranslations("apiKeys"),
    getMessages("webhooks"),
    getLocale(),
  ]);
  return (
    <article className="space-y-6">
      <AccountLinks current="webhooks" labels={{ account: ta("title"), apiKeys: tk("title"), webhooks: t("title") }} />
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="max-w-3xl text-sm text-slate-600 dark:text-slate-300">{t("intro")}</p>
      {endpoints.length === 0 ? (
        <p className="text-sm text-slate-500">{t("noEndpoints")}</p>
      ) : (
        <TableFrame>
          <Table data-testid="webhook-list">
            <THead>
              <Tr>
                <Th>{t("url")}</Th>
                <Th>{t("events")}</Th>
                <Th>{t("created")}</Th>
                <Th>
                  <span className="sr-only">{t("deliveries")}</span>
                </Th>
                <Th>
                  <span className="sr-only">{t("remove")}</span>
                </Th>
              </Tr>
            </THead>
            <TBody>
              {endpoints.map((e) => (
                <Tr key={e.id} data-testid="webhook-row">
                  <Th scope="row" className="font-mono text-xs break-all">
                    {e.url}
                    {e.description && <span className="block font-sans text-slate-500">{e.description}</span>}
                  </Th>
                  <Td className="font-mono text-xs">{e.events.join(", ")}</Td>
                  <Td>{formatDateTime(new Date(e.createdAt), locale)}</Td>
                  <Td>
                    <Link
                      href={`/account/webhooks/${e.id}`}
                      className="text-brand-700 hover:underline dark:text-brand-400"
                      data-testid="webhook-log-link"
                    >
                      {t("deliveries")}
                    </Link>
                  </Td>
                  <Td>
                    <form action={deleteEndpointAction}>
                      <input type="hidden" name="id" value={e.id} />
                      <Button type="submit" variant="danger" size="sm" aria-label={t("removeLabel", { url: e.url })}>
                        {t("remove")}
                      </Button>
                    </form>
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        </TableFrame>
      )}
      <section className="space-y-3">
        <h2 className="text-lg font-semibold">{t("add")}</h2>
        <AddEndpointForm messages={messages} locale={locale} />
      </section>
    </article>
  );
}
