import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { getTranslations } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("errors");
  return { title: t("notFoundTitle"), description: t("notFoundBody") };
}

/** Unknown URLs and every notFound() without a nearer not-found page, inside the root layout (header, language, theme). */
export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <section className="mx-auto max-w-xl space-y-4 py-12 text-center" data-testid="not-found">
      <p aria-hidden className="text-6xl font-bold tracking-tight text-brand-700 tabular-nums dark:text-brand-400">
        404
      </p>
      <h1 className="text-2xl font-semibold">{t("notFoundTitle")}</h1>
      <p className="text-slate-600 dark:text-slate-300">{t("notFoundBody")}</p>
      <div className="flex flex-wrap justify-center gap-3 pt-2">
        <Link href="/" className={buttonClass({ size: "lg" })}>
          {t("home")}
        </Link>
        <Link href="/marketplace" className={buttonClass({ variant: "secondary", size: "lg" })}>
          {t("notFoundMarketplace")}
        </Link>
      </div>
    </section>
  );
}
