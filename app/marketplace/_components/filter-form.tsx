import Link from "next/link";
import type { Messages } from "@/lib/i18n/messages/en";
import type { Translator } from "@/lib/i18n/translate";
import { fromBaseUnits } from "@/lib/core/money";
import { formatCuda, sorts, type ListingFilters, type Sort } from "@/lib/listings/search-schema";
import { GpuCheckboxes } from "./gpu-checkboxes";
import { SubmitOnChange } from "./submit-on-change";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";

const input = "mt-1 text-sm";

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
  return (
    <form method="get" action="/marketplace" className="space-y-4" aria-label={t("filters")}>
      <Field label={t("sortBy")} name="sort">
        <Select id="sort" name="sort" defaultValue={sort} className={input}>
          {sorts.map((s) => (
            <option key={s} value={s}>
              {t(`sort.${s}`)}
            </option>
          ))}
        </Select>
        <SubmitOnChange selectId="sort" />
      </Field>

      <GpuCheckboxes chosen={filters.gpu} t={t} />

      <div className="grid grid-cols-2 gap-3">
        <Field label={t("minGpus")} name="minGpus">
          <Input id="minGpus" name="minGpus" type="number" min={1} defaultValue={filters.minGpus} className={input} />
        </Field>
        <Field label={t("minVram")} name="minVram">
          <Input id="minVram" name="minVram" type="number" min={1} defaultValue={filters.minVram} className={input} />
        </Field>
        <Field label={t("maxPrice")} name="maxPrice">
          <Input
            id="maxPrice"
            name="maxPrice"
            inputMode="decimal"
            defaultValue={filters.maxPrice === undefined ? "" : fromBaseUnits(filters.maxPrice)}
            className={input}
          />
        </Field>
        <Field label={t("region")} name="region">
          <Input
            id="region"
            name="region"
            maxLength={2}
            placeholder="DE"
            defaultValue={filters.region}
            className="mt-1 text-sm uppercase"
          />
        </Field>
        <Field label={t("minBandwidth")} name="minBandwidth">
          <Input id="minBandwidth" name="minBandwidth" type="number" min={1} defaultValue={filters.minBandwidth} className={input} />
        </Field>
        <Field label={t("minCuda")} name="minCuda">
          <Input
            id="minCuda"
            name="minCuda"
            placeholder="12.4"
            defaultValue={filters.minCuda === undefined ? "" : formatCuda(filters.minCuda)}
            className={input}
          />
        </Field>
        <Field label={t("minReliability")} name="minReliability">
          <Input
            id="minReliability"
            name="minReliability"
            type="number"
            min={0}
            max={100}
            defaultValue={filters.minReliability}
            className={input}
          />
        </Field>
        <Field label={t("minUptime")} name="minUptime">
          <Input id="minUptime" name="minUptime" inputMode="decimal" placeholder="99" defaultValue={filters.minUptime} className={input} />
        </Field>
      </div>
      <label className="flex items-center gap-2 text-sm font-medium">
        <Checkbox name="onlineNow" value="1" defaultChecked={filters.onlineNow === true} />
        {t("onlineNow")}
      </label>
      <label className="flex items-center gap-2 text-sm font-medium">
        <Checkbox name="availableNow" value="1" defaultChecked={filters.availableNow === true} />
        {t("availableNow")}
      </label>

      <div className="flex items-center gap-3">
        <Button type="submit">{t("apply")}</Button>
        <Link href="/marketplace" className="text-sm text-slate-600 underline dark:text-slate-300">
          {t("clear")}
        </Link>
      </div>
    </form>
  );
}
