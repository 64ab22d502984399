/**
 * Where an accepted job stands, as the chain has it: accepted → funded → running (with the
 * provider's progress notes) → completed (result and checksum) → paid, or the dispute branch.
 */
import { formatDateTime } from "@/lib/i18n/format";
import { getLocale, getTranslations } from "@/lib/i18n/server";

const mainPath = ["ACCEPTED", "FUNDED", "RUNNING", "COMPLETED", "PAID"] as const;
const steps = ["ACCEPTED", "FUNDED", "RUNNING", "COMPLETED", "PAID", "DISPUTED", "RESOLVED", "REFUNDED"] as const;
const isStep = (step: string): step is (typeof steps)[number] => (steps as readonly string[]).includes(step);

interface Note {
  id: string;
  body: string;
  createdAt: Date;
}

export async function JobTimeline({
  status,
  notes,
  resultUrl,
  resultSha256,
}: {
  status: string;
  notes: Note[] | null;
  resultUrl: string | null;
  resultSha256: string | null;
}) {
  // Off the main path (disputed, refunded…), the steps reached before it stay ticked.
  const [t, locale] = await Promise.all([getTranslations("jobs"), getLocale()]);
  const branch = !(mainPath as readonly string[]).includes(status);
  const reached = branch ? (resultSha256 ? 3 : notes?.length ? 2 : 1) : mainPath.indexOf(status as (typeof mainPath)[number]);
  const steps: string[] = [...mainPath.slice(0, branch ? reached + 1 : mainPath.length), ...(branch ? [status] : [])];
  return (
    <section aria-labelledby="timeline" className="space-y-3">
      <h2 id="timeline" className="font-semibold">
        {t("progress")}
      </h2>
      <ol className="space-y-3 border-l-2 border-slate-200 pl-4 dark:border-slate-800" data-testid="job-timeline">
        {steps.map((step, i) => {
          const done = branch ? true : i <= reached;
          const current = step === status;
          return (
            <li
              key={step}
              aria-current={current ? "step" : undefined}
              className={done ? "" : "text-slate-400"}
              data-testid={`timeline-${step}`}
              data-done={done ? "true" : "false"}
            >
              <span className={current ? "font-semibold" : ""}>
                {done ? "✓ " : "○ "}
                {isStep(step) ? t(`step.${step}`) : step}
              </span>
              {step === "RUNNING" && notes && notes.length > 0 && (
                <ul className="mt-1 space-y-1 text-sm" data-testid="progress-notes">
                  {notes.map((n) => (
                    <li key={n.id} className="rounded-md bg-slate-50 px-2 py-1 dark:bg-slate-900">
                      <span className="text-xs text-slate-500">{formatDateTime(n.createdAt, locale)}</span> {n.body}
                    </li>
                  ))}
                </ul>
              )}
              {step === "COMPLETED" && resultUrl && (
                <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 text-sm" data-testid="job-result">
                  <dt className="text-slate-500">{t("result")}</dt>
                  <dd className="break-all">
                    {/^https?:/.test(resultUrl) ? (
                      <a href={resultUrl} className="underline" rel="noopener noreferrer">
                        {resultUrl}
                      </a>
                    ) : (
                      <code>{resultUrl}</code>
                    )}
                  </dd>
                  <dt className="text-slate-500">SHA-256</dt>
                  <dd className="font-mono text-xs break-all" data-testid="job-result-sha">
                    {resultSha256}
                  </dd>
                </dl>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
