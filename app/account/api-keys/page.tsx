import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Table, TableFrame, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { RECENT_SIGN_IN_MS, type ApiKeyView } from "@/lib/apikeys/schema";
import { listApiKeys } from "@/lib/apikeys/server/keys";
import { requirePageCaller } from "@/lib/auth/server/page-guards";
import { formatDateTime } from "@/lib/i18n/format";
import { pageMetadata } from "@/lib/i18n/page-metadata";
import { getLocale, getMessages, getTranslations } from "@/lib/i18n/server";
import { AccountLinks } from "../_components/account-links";
import { CreateKeyForm } from "./_components/create-key-form";
import { revokeKeyAction, signInAgainAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return pageMetadata((await getTranslations("apiKeys"))("title"), "account");
}
export const dynamic = "force-dynamic";

function state(key: ApiKeyView, now: Date): "active" | "revoked" | "expired" {
  if (key.revokedAt) return "revoked";
  if (key.expiresAt && new Date(key.expiresAt) <= now) return "expired";
  return "active";
}

/** The signed-in user's API keys: list and revoke; create, when the sign-in is recent enough. */
export default async function ApiKeysPage() {
  const caller = await requirePageCaller("/account/api-keys");
  const [keys, t, ta, tw, messages, locale] = await Promise.all([
    listApiKeys(caller.userId),
    getTranslations("apiKeys"),
    getTranslations("account"),
    getTranslations("webhooks"),
    getMessages("apiKeys"),
    getLocale(),
  ]);
  const now = new Date();
  const recent = caller.signedInAt !== undefined && now.getTime() - caller.signedInAt.getTime() <= RECENT_SIGN_IN_MS;
  const when = (iso: string | null) => (iso ? formatDateTime(new Date(iso), locale) : t("never"));
  return (
    <article className="space-y-6">
      <AccountLinks current="apiKeys" labels={{ account: ta("title"), apiKeys: t("title"), webhooks: tw("title") }} />
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="max-w-3xl text-sm text-slate-600 dark:text-slate-300">
        {t("intro")} {t("docs")}
      </p>
      {keys.length === 0 ? (
        <p className="text-sm text-slate-500">{t("noKeys")}</p>
      ) : (
        <TableFrame>
          <Table data-testid="api-key-list">
            <THead>
              <Tr>
                <Th>{t("name")}</Th>
                <Th>{t("prefix")}</Th>
                <Th>{t("scopes")}</Th>
                <Th>{t("created")}</Th>
                <Th>{t("expires")}</Th>
                <Th>{t("lastUsed")}</Th>
                <Th>{t("status")}</Th>
                <Th>
                  <span className="sr-only">{t("revoke")}</span>
                </Th>
              </Tr>
            </THead>
            <TBody>
              {keys.map((key) => {
                const status = state(key, now);
                return (
                  <Tr key={key.id} data-testid="api-key-row">
                    <Th scope="row">{key.name}</Th>
                    <Td className="font-mono text-xs">{key.prefix}…</Td>
                    <Td>{key.scopes.join(", ")}</Td>
                    <Td>{when(key.createdAt)}</Td>
                    <Td>{when(key.expiresAt)}</Td>
                    <Td>{when(key.lastUsedAt)}</Td>
                    <Td>
                      <Badge tone={status === "active" ? "success" : "neutral"} data-testid="api-key-status">
                        {t(status)}
                      </Badge>
                    </Td>
                    <Td>
                      {status === "active" && (
                        <form action={revokeKeyAction}>
                          <input type="hidden" name="id" value={key.id} />
                          <Button
                            type="submit"
                            variant="danger"
                            size="sm"
                            aria-label={t("revokeLabel", { name: key.name })}
                            data-testid="api-key-revoke"
                          >
                            {t("revoke")}
                          </Button>
                        </form>
                      )}
                    </Td>
                  </Tr>
                );
              })}
            </TBody>
          </Table>
        </TableFrame>
      )}
      <section className="space-y-3">
        <h2 className="text-lg font-semibold">{t("create")}</h2>
        {recent ? (
          <CreateKeyForm messages={messages} locale={locale} />
        ) : (
          <Card className="max-w-xl space-y-3" data-testid="api-key-reauth">
            <Alert tone="warning">
              <p className="font-medium">{t("reauthTitle")}</p>
              <p>{t("reauthBody")}</p>
            </Alert>
            <form action={signInAgainAction}>
              <Button type="submit" variant="secondary">
                {t("reauthButton")}
              </Button>
            </form>
          </Card>
        )}
      </section>
    </article>
  );
}
