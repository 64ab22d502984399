/**
 * The board's filters as a plain GET form: every filter lives in the URL, so a filtered board can be
 * shared and works without JavaScript. Errors (a hand-edited URL) are shown next to their filter.
 */
import Link from "next/link";
import { FieldError, inputClass } from "@/components/jobs/form-fields";
import { gpuCatalog } from "@/lib/listings/gpu-catalog";
import type { Messages } from "@/lib/i18n/messages/en";
import type { Translator } from "@/lib/i18n/translate";
import { frameworkLabels, jobFrameworks, jobSorts } from "@/lib/jobs/schema";

type Raw = Record<string, string | string[] | undefined>;

const one = (raw: Raw, key: string) => {
  const v = raw[key];
  return Array.isArray(v) ? (v[0] ?? "") : (v ?? "");
};

export function BoardFilters({ raw, errors, t }: { raw: Raw; errors: Record<string, string[]>; t: Translator<Messages["jobs"]> }) {
  const labelled = (name: string, label: string, control: React.ReactNode) => (
    <div>
      <label htmlFor={`f-${name}`} className="block text-xs font-medium text-slate-600 dark:text-slate-300">
        {label}
      </label>
      {control}
      <FieldError name={name} errors={errors[name]} />
    </div>
  );
  const invalid = (name: string) => (errors[name] ? { "aria-invalid": true as const, "aria-describedby": `${name}-error` } : {});
  return (
    <form method="get" action="/jobs" role="search" aria-label={t("filterJobs")} className="grid gap-3 rounded-xl border border-slate-200 p-4 sm:grid-cols-4 dark:border-slate-800">
      {labelled(
        "gpuModel",
        t("gpuModel"),
        <select id="f-gpuModel" name="gpuModel" defaultValue={one(raw, "gpuModel")} className={inputClass} {...invalid("gpuModel")}>
          <option value="">{t("any")}</option>
          {gpuCatalog.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </select>,
      )}
      {labelled("minVram", t("minVram"), <input id="f-minVram" name="minVram" inputMode="numeric" defaultValue={one(raw, "minVram")} className={inputClass} {...invalid("minVram")} />)}
      {labelled("minBudget", t("minBudget"), <input id="f-minBudget" name="minBudget" inputMode="decimal" defaultValue={one(raw, "minBudget")} className={inputClass} {...invalid("minBudget")} />)}
      {labelled("maxBudget", t("maxBudget"), <input id="f-maxBudget" name="maxBudget" inputMode="decimal" defaultValue={one(raw, "maxBudget")} className={inputClass} {...invalid("maxBudget")} />)}
      {labelled("region", t("region"), <input id="f-region" name="region" maxLength={2} defaultValue={one(raw, "region")} className={inputClass} {...invalid("region")} />)}
      {labelled(
        "framework",
        t("framework"),
        <select id="f-framework" name="framework" defaultValue={one(raw, "framework")} className={inputClass} {...invalid("framework")}>
          <option value="">{t("any")}</option>
          {jobFrameworks.map((f) => (
            <option key={f} value={f}>
              {f === "OTHER" ? t("framework.OTHER") : frameworkLabels[f]}
            </option>
          ))}
        </select>,
      )}
      {labelled(
        "sort",
        t("sortBy"),
        <select id="f-sort" name="sort" defaultValue={one(raw, "sort") || "newest"} className={inputClass} {...invalid("sort")}>
          {jobSorts.map((s) => (
            <option key={s} value={s}>
              {t(`sort.${s}`)}
            </option>
          ))}
        </select>,
      )}
      <div className="flex items-end gap-3">
        <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
          {t("apply")}
        </button>
        <Link href="/jobs" className="text-sm underline">
          {t("clear")}
        </Link>
      </div>
    </form>
  );
}
