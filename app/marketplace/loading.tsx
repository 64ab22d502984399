import { getTranslations } from "@/lib/i18n/server";

export default async function Loading() {
  const t = await getTranslations("marketplace");
  return <p className="text-sm text-slate-500">{t("loading")}</p>;
}
