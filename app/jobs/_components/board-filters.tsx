/**
 * The board's filters as a plain GET form: every filter lives in the URL, so a filtered board can be
 * shared and works without JavaScript. Errors (a hand-edited URL) are shown next to their filter.
 */
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { cardClass } from "@/components/ui/card";
import { Field, type FieldControl } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { gpuCatalog } from "@/lib/listings/gpu-catalog";
import type { Messages } from "@/lib/i18n/messages/en";
import type { Translator } from "@/lib/i18n/translate";
import { frameworkLabels, jobFrameworks } from "@/lib/jobs/schema";
import { jobSorts } from "@/lib/jobs/board-search";

type Raw = Record<string, string | string[] | undefined>;

const one = (raw: Raw, key: string) => {
  const v = raw[key];
  return Array.isArray(v) ? (v[0] ?? "") : (v ?? "");
};

export function BoardFilters({ raw, errors, t }: { raw: Raw; errors: Record<string, string[]>; t: Translator<Messages["jobs"]> }) {
  // Ids are prefixed: the page around the filters has fields of its own.
  const labelled = (name: string, label: string, control: (props: FieldControl) => React.ReactNode) => (
    <Field id={`f-${name}`} name={name} label={label} errors={errors[name]}>
      {control}
    </Field>
  );
  return (
    <form method="get" action="/jobs" role="search" aria-label={t("filterJobs")} className={cardClass("grid gap-3 sm:grid-cols-4")}>
      {labelled("gpuModel", t("gpuModel"), (control) => (
        <Select name="gpuModel" defaultValue={one(raw, "gpuModel")} {...control}>
          <option value="">{t("any")}</option>
          {gpuCatalog.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </Select>
      ))}
      {labelled("minVram", t("minVram"), (control) => (
        <Input name="minVram" inputMode="numeric" defaultValue={one(raw, "minVram")} {...control} />
      ))}
      {labelled("minBudget", t("minBudget"), (control) => (
        <Input name="minBudget" inputMode="decimal" defaultValue={one(raw, "minBudget")} {...control} />
      ))}
      {labelled("maxBudget", t("maxBudget"), (control) => (
        <Input name="maxBudget" inputMode="decimal" defaultValue={one(raw, "maxBudget")} {...control} />
      ))}
      {labelled("region", t("region"), (control) => (
        <Input name="region" maxLength={2} defaultValue={one(raw, "region")} {...control} />
      ))}
      {labelled("framework", t("framework"), (control) => (
        <Select name="framework" defaultValue={one(raw, "framework")} {...control}>
          <option value="">{t("any")}</option>
          {jobFrameworks.map((f) => (
            <option key={f} value={f}>
              {f === "OTHER" ? t("framework.OTHER") : frameworkLabels[f]}
            </option>
          ))}
        </Select>
      ))}
      {labelled("sort", t("sortBy"), (control) => (
        <Select name="sort" defaultValue={one(raw, "sort") || "newest"} {...control}>
          {jobSorts.map((s) => (
            <option key={s} value={s}>
              {t(`sort.${s}`)}
            </option>
          ))}
        </Select>
      ))}
      <div className="flex items-end gap-3">
        <Button type="submit">{t("apply")}</Button>
        <Link href="/jobs" className="text-sm underline">
          {t("clear")}
        </Link>
      </div>
    </form>
  );
}
