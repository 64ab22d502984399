import Link from "next/link";
import { gpuCatalog, shortGpuName } from "@/lib/listings/gpu-catalog";
import type { Messages } from "@/lib/i18n/messages/en";
import type { Translator } from "@/lib/i18n/translate";
import { fromBaseUnits } from "@/lib/core/money";
import { formatCuda, sorts, type ListingFilters, type Sort } from "@/lib/listings/search-schema";
import { SubmitOnChange } from "./submit-on-change";

const input = "mt-1 w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900";

function Field({ label, name, children }: { label: string; name: string; children: React.ReactNode }) {
  return (
    <label htmlFor={name} className="block text-sm font-medium">
      {label}
      {children}
    </label>
  );
}

/**
 * A plain GET form: the filters live in the URL, so results are shareable and the back
 * button works, with or without JavaScript.
 */
export function FilterForm({ filters, sort, t }: { filters: ListingFilters; sort: Sort; t: Translator<Messages["marketplace"]> }) {
  const chosen = new Set<string>(filters.gpu);
  return (
    <form method="get" action="/marketplace" className="space-y-4" aria-label={t("filters")}>
      <Field label={t("sortBy")} name="sort">
        <select id="sort" name="sort" defaultValue={sort} className={input}>
          {sorts.map((s) => (
            <option key={s} value={s}>
              {t(`sort.${s}`)}
            </option>
          ))}
        </select>
        <SubmitOnChange selectId="sort" />
      </Field>

      <fieldset>
        <legend className="text-sm font-medium">{t("gpuModel")}</legend>
        <div className="mt-1 max-h-56 space-y-0.5 overflow-y-auto rounded-md border border-slate-200 p-2 text-sm dark:border-slate-800">
          {gpuCatalog.map((g) => (
            // py-0.5: rows 26 px apart, so each small checkbox keeps the 24 px target spacing of WCAG 2.5.8.
            <label key={g.id} className="flex items-center gap-2 py-0.5">
              <input type="checkbox" name="gpu" value={g.id} defaultChecked={chosen.has(g.id)} />
              <span>
                {shortGpuName(g.name)} <span className="text-slate-500">{g.vramGb} GB</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      <div className="grid grid-cols-2 gap-3">
        <Field label={t("minGpus")} name="minGpus">
          <input id="minGpus" name="minGpus" type="number" min={1} defaultValue={filters.minGpus} className={input} />
        </Field>
        <Field label={t("minVram")} name="minVram">
          <input id="minVram" name="minVram" type="number" min={1} defaultValue={filters.minVram} className={input} />
        </Field>
        <Field label={t("maxPrice")} name="maxPrice">
          <input id="maxPrice" name="maxPrice" inputMode="decimal" defaultValue={filters.maxPrice === undefined ? "" : fromBaseUnits(filters.maxPrice)} className={input} />
        </Field>
        <Field label={t("region")} name="region">
          <input id="region" name="region" maxLength={2} placeholder="DE" defaultValue={filters.region} className={`${input} uppercase`} />
        </Field>
        <Field label={t("minBandwidth")} name="minBandwidth">
          <input id="minBandwidth" name="minBandwidth" type="number" min={1} defaultValue={filters.minBandwidth} className={input} />
        </Field>
        <Field label={t("minCuda")} name="minCuda">
          <input id="minCuda" name="minCuda" placeholder="12.4" defaultValue={filters.minCuda === undefined ? "" : formatCuda(filters.minCuda)} className={input} />
        </Field>
        <Field label={t("minReliability")} name="minReliability">
          <input id="minReliability" name="minReliability" type="number" min={0} max={100} defaultValue={filters.minReliability} className={input} />
        </Field>
      </div>

      <div className="flex items-center gap-3">
        <button type="submit" className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700">
          {t("apply")}
        </button>
        <Link href="/marketplace" className="text-sm text-slate-600 underline dark:text-slate-300">
          {t("clear")}
        </Link>
      </div>
    </form>
  );
}
