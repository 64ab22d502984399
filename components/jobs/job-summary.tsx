/**
 * A job's requirements and money, as the board card, the job page and the provider's offer page
 * show them. Server-rendered; amounts arrive as base-unit strings and are formatted for the visitor's locale (lib/i18n/format).
 */
import Link from "next/link";
import { gpuSpec } from "@/lib/listings/gpu-catalog";
import { formatDateTime, formatToken } from "@/lib/i18n/format";
import { getLocale, getTranslations } from "@/lib/i18n/server";
import { frameworkLabels, type JobFrameworkName } from "@/lib/jobs/schema";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { cardClass } from "@/components/ui/card";

export interface JobSummaryData {
  id: string;
  title: string;
  framework: string;
  status: string;
  gpuModels: string[];
  minVramGb: number;
  gpuCount: number;
  minReliability: number;
  regions: string[];
  estimatedHours: number;
  maxPricePerGpuHour: string;
  maxBudget: string;
  offerDeadline: Date | string;
  offerCount: number;
}

/** The catalog names of the given models; callers say "any model" for none in the page's language. */
const modelNames = (ids: string[]) => ids.map((id) => gpuSpec(id)?.name ?? id).join(", ");

const statusTone: Record<string, BadgeTone> = { DRAFT: "neutral", OPEN: "success", DISPUTED: "danger" };

export function JobStatusBadge({ status, testId = "job-status" }: { status: string; testId?: string }) {
  return (
    <Badge tone={statusTone[status] ?? "brand"} className="font-mono" data-testid={testId}>
      {status}
    </Badge>
  );
}

/** Fetches its own strings (server component), so every page that shows a job gets them in the visitor's language. */
export async function JobRequirements({ job, symbol, decimals }: { job: JobSummaryData; symbol: string; decimals?: number }) {
  const [t, locale] = await Promise.all([getTranslations("jobs"), getLocale()]);
  const amount = (units: string) => formatToken(BigInt(units), locale, symbol, decimals);
  const models = job.gpuModels.length === 0 ? t("anyModel") : modelNames(job.gpuModels);
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
      <dt className="text-slate-500">{t("framework")}</dt>
      <dd>{job.framework === "OTHER" ? t("framework.OTHER") : (frameworkLabels[job.framework as JobFrameworkName] ?? job.framework)}</dd>
      <dt className="text-slate-500">{t("gpus")}</dt>
      <dd>{t("gpusValue", { count: job.gpuCount, models, vram: job.minVramGb })}</dd>
      <dt className="text-slate-500">{t("regions")}</dt>
      <dd>{job.regions.length === 0 ? t("anywhere") : job.regions.join(", ")}</dd>
      <dt className="text-slate-500">{t("reliability")}</dt>
      <dd>{job.minReliability > 0 ? t("atLeast", { value: job.minReliability }) : t("anyReliability")}</dd>
      <dt className="text-slate-500">{t("estimatedTime")}</dt>
      <dd>{t("hours", { hours: job.estimatedHours })}</dd>
      <dt className="text-slate-500">{t("budget")}</dt>
      <dd className="tabular-nums" data-testid="job-budget">
        {t(job.gpuCount === 1 ? "budgetValueOne" : "budgetValueOther", {
          budget: amount(job.maxBudget),
          price: amount(job.maxPricePerGpuHour),
          count: job.gpuCount,
          hours: job.estimatedHours,
        })}
      </dd>
      <dt className="text-slate-500">{t("offersUntil")}</dt>
      <dd>{formatDateTime(new Date(job.offerDeadline), locale)}</dd>
    </dl>
  );
}

/** One job on the board, in "My jobs" and in "Matching jobs". */
export async function JobCardView(props: {
  job: JobSummaryData;
  symbol: string;
  decimals?: number;
  href?: string;
  children?: React.ReactNode;
}) {
  const { job, symbol, decimals, href, children } = props;
  const [t, locale] = await Promise.all([getTranslations("jobs"), getLocale()]);
  const models = job.gpuModels.length === 0 ? t("anyModel") : modelNames(job.gpuModels);
  return (
    <article className={cardClass("space-y-2")} data-testid="job-card">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="font-semibold">
          <Link href={href ?? `/jobs/${job.id}`} className="hover:underline">
            {job.title}
          </Link>
        </h2>
        <JobStatusBadge status={job.status} testId="job-card-status" />
      </div>
      <p className="text-sm text-slate-600 dark:text-slate-300">
        {job.gpuCount} × {models} · ≥ {job.minVramGb} GB · {t("hours", { hours: job.estimatedHours })} ·{" "}
        {job.regions.length === 0 ? t("anywhere") : job.regions.join(", ")}
      </p>
      <p className="text-sm">
        <span className="font-medium tabular-nums">
          {t("upTo", { budget: formatToken(BigInt(job.maxBudget), locale, symbol, decimals) })}
        </span>
        <span className="text-slate-500">
          {" "}
          ·{" "}
          {t("cardMeta", {
            deadline: formatDateTime(new Date(job.offerDeadline), locale),
            offers: t(job.offerCount === 1 ? "offersOne" : "offersOther", { count: job.offerCount }),
          })}
        </span>
      </p>
      {children}
    </article>
  );
}

/** A datetime-local value (UTC, to the minute) `ms` from now: the default for deadline and start fields. */
export function datetimeLocalFromNow(ms: number): string {
  return new Date(Date.now() + ms).toISOString().slice(0, 16);
}
