import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getLocale, getMessages, getTranslations } from "@/lib/i18n/server";
import { pageMetadata } from "@/lib/i18n/page-metadata";
import { currentCaller } from "@/lib/auth/server/caller";
import { listSshKeys } from "@/lib/account/server/ssh-keys";
import { SshKeyManager } from "./_components/ssh-key-manager";
import { AccountLinks } from "./_components/account-links";

export async function generateMetadata(): Promise<Metadata> {
  return pageMetadata((await getTranslations("account"))("title"), "account");
}
export const dynamic = "force-dynamic";

/** The signed-in user's account: their wallet address and the SSH keys the rent panel offers. */
export default async function AccountPage() {
  const caller = await currentCaller();
  if (!caller) redirect("/sign-in?next=%2Faccount");
  const [keys, t, messages, locale, tk, tw] = await Promise.all([
    listSshKeys(caller.userId),
    getTranslations("account"),
    getMessages("account"),
    getLocale(),
    getTranslations("apiKeys"),
    getTranslations("webhooks"),
  ]);
  return (
    <article className="space-y-6">
      <AccountLinks current="account" labels={{ account: t("title"), apiKeys: tk("title"), webhooks: tw("title") }} />
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-sm">
        {t("signedInAs")}{" "}
        <span className="font-mono" data-testid="account-address">
          {caller.address}
        </span>
      </p>
      <section className="space-y-3">
        <h2 className="text-lg font-semibold">{t("sshKeys")}</h2>
        <p className="text-sm text-slate-500">{t("sshKeysHint")}</p>
        <SshKeyManager initialKeys={keys} messages={messages} locale={locale} />
      </section>
    </article>
  );
}
