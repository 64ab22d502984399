/**
 * A job's requirements and money, as the board card, the job page and the provider's offer page
 * show them. Server-rendered; amounts arrive as base-unit strings and are formatted with lib/money.
 */
import Link from "next/link";
import { gpuSpec } from "@/lib/gpu-catalog";
import { formatTokenAmount } from "@/lib/money";
import { frameworkLabels, type JobFrameworkName } from "@/lib/validations/job";

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

export const utc = (d: Date | string) => `${new Date(d).toISOString().slice(0, 16).replace("T", " ")} UTC`;
export const money = (units: string | bigint, symbol: string, decimals?: number) => formatTokenAmount(BigInt(units), symbol, decimals);
export const modelNames = (ids: string[]) => (ids.length === 0 ? "Any model" : ids.map((id) => gpuSpec(id)?.name ?? id).join(", "));

const statusTone: Record<string, string> = {
  DRAFT: "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-200",
  OPEN: "bg-green-100 text-green-800 dark:bg-green-950 dark:text-green-200",
  DISPUTED: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200",
};

export function JobStatusBadge({ status, testId = "job-status" }: { status: string; testId?: string }) {
  return (
    <span className={`rounded-md px-2 py-0.5 font-mono text-xs ${statusTone[status] ?? "bg-brand-50 text-brand-800 dark:bg-slate-800 dark:text-slate-100"}`} data-testid={testId}>
      {status}
    </span>
  );
}

export function JobRequirements({ job, symbol, decimals }: { job: JobSummaryData; symbol: string; decimals?: number }) {
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
      <dt className="text-slate-500">Framework</dt>
      <dd>{frameworkLabels[job.framework as JobFrameworkName] ?? job.framework}</dd>
      <dt className="text-slate-500">GPUs</dt>
      <dd>
        {job.gpuCount} × {modelNames(job.gpuModels)}, at least {job.minVramGb} GB VRAM each
      </dd>
      <dt className="text-slate-500">Regions</dt>
      <dd>{job.regions.length === 0 ? "Anywhere" : job.regions.join(", ")}</dd>
      <dt className="text-slate-500">Provider reliability</dt>
      <dd>{job.minReliability > 0 ? `at least ${job.minReliability}` : "any"}</dd>
      <dt className="text-slate-500">Estimated time</dt>
      <dd>{job.estimatedHours} h</dd>
      <dt className="text-slate-500">Budget</dt>
      <dd className="tabular-nums" data-testid="job-budget">
        up to {money(job.maxBudget, symbol, decimals)} ({money(job.maxPricePerGpuHour, symbol, decimals)} per GPU-hour × {job.gpuCount} GPU{job.gpuCount === 1 ? "" : "s"} × {job.estimatedHours} h)
      </dd>
      <dt className="text-slate-500">Offers until</dt>
      <dd>{utc(job.offerDeadline)}</dd>
    </dl>
  );
}

/** One job on the board, in "My jobs" and in "Matching jobs". */
export function JobCardView({ job, symbol, decimals, href, children }: { job: JobSummaryData; symbol: string; decimals?: number; href?: string; children?: React.ReactNode }) {
  return (
    <article className="space-y-2 rounded-xl border border-slate-200 p-4 dark:border-slate-800" data-testid="job-card">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="font-semibold">
          <Link href={href ?? `/jobs/${job.id}`} className="hover:underline">
            {job.title}
          </Link>
        </h2>
        <JobStatusBadge status={job.status} testId="job-card-status" />
      </div>
      <p className="text-sm text-slate-600 dark:text-slate-300">
        {job.gpuCount} × {modelNames(job.gpuModels)} · ≥ {job.minVramGb} GB · {job.estimatedHours} h · {job.regions.length === 0 ? "anywhere" : job.regions.join(", ")}
      </p>
      <p className="text-sm">
        <span className="font-medium tabular-nums">up to {money(job.maxBudget, symbol, decimals)}</span>
        <span className="text-slate-500">
          {" "}
          · offers until {utc(job.offerDeadline)} · {job.offerCount} offer{job.offerCount === 1 ? "" : "s"}
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
