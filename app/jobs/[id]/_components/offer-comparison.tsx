/**
 * The buyer's view of the offers, side by side: price, total, the machine and its provider's track
 * record, with Accept on each pending offer while the job is open.
 */
import { gpuSpec } from "@/lib/listings/gpu-catalog";
import { formatDateTime, formatNumber, formatToken } from "@/lib/i18n/format";
import { getLocale, getTranslations } from "@/lib/i18n/server";
import type { OfferView } from "@/lib/jobs/job-dto";
import { acceptOfferAction } from "../../actions";
import { Button } from "@/components/ui/button";
import { cardClass } from "@/components/ui/card";

const short = (address: string) => `${address.slice(0, 6)}…${address.slice(-4)}`;

export async function OfferComparison(props: { jobId: string; offers: OfferView[]; canAccept: boolean; symbol: string; decimals: number }) {
  const { jobId, offers, canAccept, symbol, decimals } = props;
  const [t, locale] = await Promise.all([getTranslations("jobs"), getLocale()]);
  const money = (units: string | bigint) => formatToken(BigInt(units), locale, symbol, decimals);
  if (offers.length === 0) return <p className="text-sm text-slate-500">{t("noOffersYet")}</p>;
  return (
    <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" data-testid="offers">
      {offers.map((o) => (
        <li key={o.id} className={cardClass("flex flex-col gap-2")} data-testid="offer" data-status={o.status}>
          <div className="flex items-baseline justify-between gap-2">
            <p className="text-lg font-semibold tabular-nums" data-testid="offer-total">
              {money(o.total)}
            </p>
            <span className="font-mono text-xs">{o.status}</span>
          </div>
          <p className="text-sm tabular-nums">{t("offerPerGpuHour", { price: money(o.pricePerGpuHour) })}</p>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-sm">
            <dt className="text-slate-500">{t("machine")}</dt>
            <dd>
              {o.machine.gpuCount} × {gpuSpec(o.machine.gpuModel)?.name ?? o.machine.gpuModel}, {o.machine.vramGb} GB
            </dd>
            <dt className="text-slate-500">{t("host")}</dt>
            <dd>
              {t("hostValue", { cores: o.machine.cpuCores, ram: o.machine.ramGb, bandwidth: formatNumber(o.machine.downloadMbps, locale) })}
            </dd>
            <dt className="text-slate-500">{t("where")}</dt>
            <dd>
              {o.machine.city}, {o.machine.country}
            </dd>
            <dt className="text-slate-500">{t("provider")}</dt>
            <dd title={o.provider.address}>{o.provider.displayName ?? short(o.provider.address)}</dd>
            <dt className="text-slate-500">{t("reliability")}</dt>
            <dd data-testid="offer-reliability">
              {t(o.provider.completedRentals === 1 ? "completedRentalsOne" : "completedRentalsOther", {
                reliability: o.provider.reliability,
                count: o.provider.completedRentals,
              })}
            </dd>
            <dt className="text-slate-500">{t("earliestStart")}</dt>
            <dd>{formatDateTime(new Date(o.earliestStart), locale)}</dd>
          </dl>
          {o.note && <p className="text-sm italic">“{o.note}”</p>}
          {canAccept && o.status === "PENDING" && (
            <form action={acceptOfferAction} className="mt-auto">
              <input type="hidden" name="jobId" value={jobId} />
              <input type="hidden" name="offerId" value={o.id} />
              <Button type="submit" className="w-full" data-testid="accept-offer">
                {t("acceptOffer")}
              </Button>
            </form>
          )}
        </li>
      ))}
    </ul>
  );
}
