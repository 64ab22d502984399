import type { Metadata } from "next";
import { getLocale, getMessages, getTranslations } from "@/lib/i18n/server";
import { pageMetadata } from "@/lib/i18n/page-metadata";
import { requirePageCaller } from "@/lib/auth/server/page-guards";
import { MachineForm } from "../_components/machine-form";

export async function generateMetadata(): Promise<Metadata> {
  return pageMetadata((await getTranslations("provide"))("listMachine"), "provideNew");
}

const defaults = { gpuCount: "1", minHours: "1", maxHours: "720", cudaVersion: "12.4", driverVersion: "550.127" };

export default async function NewMachinePage() {
  await requirePageCaller("/provide/new");
  const [t, messages, locale] = await Promise.all([getTranslations("provide"), getMessages("provide"), getLocale()]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("listMachine")}</h1>
      <MachineForm initial={defaults} isNew messages={messages} locale={locale} />
    </div>
  );
}
