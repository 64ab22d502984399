import Link from "next/link";
import { formatDecimalText, formatDollars, formatNumber } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import type { Messages } from "@/lib/i18n/messages/en";
import type { Translator } from "@/lib/i18n/translate";
import type { PublicListing } from "@/lib/server/listings/dto";

/** Server-rendered results; every row links to the listing page. */
export function ListingTable({ items, t, locale }: { items: PublicListing[]; t: Translator<Messages["marketplace"]>; locale: Locale }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 dark:border-slate-800">
      <table className="w-full text-left text-sm">
        <thead className="bg-slate-50 text-xs text-slate-600 uppercase dark:bg-slate-900 dark:text-slate-400">
          <tr>
            <th className="px-3 py-2">{t("colMachine")}</th>
            <th className="px-3 py-2 text-right">{t("colVram")}</th>
            <th className="px-3 py-2 text-right">{t("colTflops")}</th>
            <th className="px-3 py-2">{t("colRegion")}</th>
            <th className="px-3 py-2 text-right">{t("colNet")}</th>
            <th className="px-3 py-2 text-right">{t("colCuda")}</th>
            <th className="px-3 py-2 text-right">{t("colReliability")}</th>
            <th className="px-3 py-2 text-right">{t("colPrice")}</th>
            <th className="px-3 py-2 text-right">{t("colValue")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((l) => (
            <tr key={l.id} data-testid="listing-row" className="border-t border-slate-100 dark:border-slate-800">
              <td className="px-3 py-2">
                <Link href={`/listings/${l.id}`} className="font-medium text-brand-700 hover:underline dark:text-brand-400">
                  {l.gpuCount}× {l.gpuName}
                </Link>
              </td>
              <td className="px-3 py-2 text-right tabular-nums">{l.vramGb} GB</td>
              <td className="px-3 py-2 text-right tabular-nums">{formatDecimalText(l.totalTflops, locale)}</td>
              <td className="px-3 py-2">
                {l.city}, {l.country}
              </td>
              <td className="px-3 py-2 text-right tabular-nums">{formatNumber(l.downloadMbps, locale)}</td>
              <td className="px-3 py-2 text-right tabular-nums">{l.cudaVersion ?? "ROCm"}</td>
              <td className="px-3 py-2 text-right tabular-nums">{l.provider.reliability}</td>
              <td className="px-3 py-2 text-right font-semibold tabular-nums" data-testid="listing-price">
                {formatDollars(BigInt(l.pricePerGpuHour), locale)}
              </td>
              <td className="px-3 py-2 text-right tabular-nums">{formatDecimalText(l.pricePerTflopHour, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
