import Link from "next/link";
import { shortGpuName } from "@/lib/listings/gpu-catalog";
import { formatDecimalText, formatDollars, formatNumber } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import type { Messages } from "@/lib/i18n/messages/en";
import type { Translator } from "@/lib/i18n/translate";
import type { PublicListing } from "@/lib/listings/listing-dto";
import { AvailabilityBadge } from "@/components/listings/availability-badge";
import { AgentBadges } from "@/components/machines/agent-badges";

/**
 * [message key, width of a fixed column (undefined: the machine column takes the rest), numeric,
 * shown only on wide screens]. Network and CUDA give way below 1280 px, where the filters sit beside
 * the table; the listing page and the filters still have them.
 */
const columns = [
  ["colMachine", undefined, false, false],
  ["colVram", "w-[4.5rem]", true, false],
  ["colTflops", "w-[5.25rem]", true, false],
  ["colRegion", "w-[8.5rem]", false, false],
  ["colNet", "w-[4.5rem]", true, true],
  ["colCuda", "w-[4rem]", true, true],
  ["colReliability", "w-[6.5rem]", true, false],
  ["colPrice", "w-[4.75rem]", true, false],
  ["colValue", "w-[5.25rem]", true, false],
] as const;

const wideOnly = { col: "hidden xl:table-column", cell: "hidden xl:table-cell" };

/**
 * Server-rendered results; every row links to the listing page. A fixed table layout: column widths
 * come from the header, not from the rows, so a table the browser paints while the HTML is still
 * arriving does not reflow (and shift) when the rest of the rows come in.
 */
export function ListingTable({
  items,
  t,
  tAgent,
  locale,
}: {
  items: PublicListing[];
  t: Translator<Messages["marketplace"]>;
  tAgent: Translator<Messages["agent"]>;
  locale: Locale;
}) {
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 dark:border-slate-800">
      <table className="w-full min-w-[40rem] xl:min-w-[50rem] table-fixed text-left text-sm">
        <colgroup>
          {columns.map(([key, width, , wide]) => (
            <col key={key} className={`${width ?? ""} ${wide ? wideOnly.col : ""}`} />
          ))}
        </colgroup>
        <thead className="bg-slate-50 text-xs text-slate-600 uppercase dark:bg-slate-900 dark:text-slate-400">
          <tr>
            {columns.map(([key, , numeric, wide]) => (
              <th key={key} scope="col" className={`px-3 py-2 ${numeric ? "text-right" : ""} ${wide ? wideOnly.cell : ""}`}>
                {t(key)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {items.map((l) => (
            <tr key={l.id} data-testid="listing-row" className="border-t border-slate-100 dark:border-slate-800">
              <td className="px-3 py-2">
                <Link
                  href={`/listings/${l.id}`}
                  title={l.gpuName}
                  className="font-medium text-brand-700 hover:underline dark:text-brand-400"
                >
                  {l.gpuCount}× {shortGpuName(l.gpuName)}
                </Link>
                <span className="mt-1 flex flex-wrap items-center gap-1.5">
                  <AvailabilityBadge listing={l} t={t} locale={locale} />
                  <AgentBadges agent={l.agent} t={tAgent} locale={locale} />
                </span>
              </td>
              <td className="px-3 py-2 text-right tabular-nums">{l.vramGb} GB</td>
              <td className="px-3 py-2 text-right tabular-nums">{formatDecimalText(l.totalTflops, locale)}</td>
              <td className="px-3 py-2">
                {l.city}, {l.country}
              </td>
              <td className={`px-3 py-2 text-right tabular-nums ${wideOnly.cell}`}>{formatNumber(l.downloadMbps, locale)}</td>
              <td className={`px-3 py-2 text-right tabular-nums ${wideOnly.cell}`}>{l.cudaVersion ?? "ROCm"}</td>
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
