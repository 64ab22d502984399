import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInPrompt } from "@/components/wallet/sign-in-prompt";
import { getMessages, getTranslations } from "@/lib/i18n/server";
import { pageMetadata } from "@/lib/i18n/page-metadata";
import { currentCaller } from "@/lib/auth/server/caller";
import { safeNextPath } from "@/lib/auth/server/page-guards";

export async function generateMetadata(): Promise<Metadata> {
  return pageMetadata((await getTranslations("account"))("signInTitle"), "signIn");
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next } = await searchParams;
  const destination = safeNextPath(typeof next === "string" ? next : undefined);
  if (await currentCaller()) redirect(destination);
  const [t, messages] = await Promise.all([getTranslations("account"), getMessages("account")]);
  return (
    <section className="mx-auto max-w-md space-y-4 py-12 text-center">
      <h1 className="text-2xl font-semibold">{t("signInHeading")}</h1>
      <p className="text-slate-600 dark:text-slate-300">{t("signInBody")}</p>
      <SignInPrompt next={destination} labels={{ signedInBack: messages.signedInBack, waiting: messages.waiting }} />
    </section>
  );
}
