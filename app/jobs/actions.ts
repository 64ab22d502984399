"use server";
/**
 * The buyer's job forms and buttons. Each action parses with the same zod schema as the v1 API,
 * then the lib/jobs/server function checks who may do it; refusals come back as words for the form.
 */
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { FormState } from "@/lib/core/form-state";
import { getLocale, getTranslations } from "@/lib/i18n/server";
import { translateFieldErrors } from "@/lib/i18n/validation";
import { apiErrorMessage } from "@/lib/i18n/api-errors";
import { currentCaller } from "@/lib/auth/server/caller";
import { ApiError } from "@/lib/core/server/api-error";
import { cancelJob, createJob, publishJob, updateJob } from "@/lib/jobs/server/mutations";
import { acceptOffer } from "@/lib/jobs/server/offers";
import { postProgress } from "@/lib/jobs/server/run";
import { jobIdPattern, jobInputSchema, offerIdPattern, progressNoteSchema } from "@/lib/jobs/schema";
import { fieldErrorsOf } from "@/lib/core/fields";

const listFields = new Set(["gpuModels"]);

function formValues(formData: FormData): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$")) continue;
    const all = formData.getAll(key).filter((v): v is string => typeof v === "string");
    values[key] = listFields.has(key) ? all : (all[0] ?? "");
  }
  // An unticked checkbox group sends nothing: that is "any model", not a missing field.
  values.gpuModels ??= [];
  return values;
}

async function refusal(error: unknown, values: FormState["values"], attempt: number): Promise<FormState> {
  if (!(error instanceof ApiError)) throw error;
  const locale = await getLocale();
  // The error's message is English, for the API; the form says it by its code.
  return { error: apiErrorMessage(error.code, locale), fieldErrors: translateFieldErrors(error.fieldErrors, locale), values, attempt };
}

/** Posts a new job or saves an edit; `intent=publish` also publishes, `intent=draft` keeps (or makes) a draft. */
export async function saveJob(previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const attempt = previous.attempt + 1;
  const [caller, t] = await Promise.all([currentCaller(), getTranslations("jobForm")]);
  if (!caller) return { error: t("sessionEnded"), values, attempt };

  const { id, intent, ...fields } = values;
  const parsed = jobInputSchema.safeParse(fields);
  if (!parsed.success) {
    return {
      error: t("needsAttention"),
      fieldErrors: translateFieldErrors(fieldErrorsOf(parsed.error), await getLocale()),
      values,
      attempt,
    };
  }
  let jobId: string;
  try {
    if (typeof id === "string" && id !== "") {
      if (!jobIdPattern.test(id)) return { error: t("noSuchJob"), values, attempt };
      const job = await updateJob(caller, id, parsed.data);
      if (intent === "publish" && job.status === "DRAFT") await publishJob(caller, id);
      jobId = id;
    } else {
      jobId = (await createJob(caller, parsed.data, { publish: intent === "publish" })).id;
    }
  } catch (error) {
    return refusal(error, values, attempt);
  }
  revalidatePath("/jobs");
  redirect(`/jobs/${jobId}`);
}

const jobButton = z.object({ jobId: z.string().regex(jobIdPattern) });
const offerButton = z.object({ jobId: z.string().regex(jobIdPattern), offerId: z.string().regex(offerIdPattern) });

/** A one-click buyer action on the job page; its outcome comes back as ?notice= on the page. */
async function jobPageAction(
  formData: FormData,
  run: (caller: NonNullable<Awaited<ReturnType<typeof currentCaller>>>, jobId: string) => Promise<string>,
) {
  const parsed = jobButton.safeParse({ jobId: formData.get("jobId") });
  if (!parsed.success) redirect("/jobs");
  const { jobId } = parsed.data;
  const caller = await currentCaller();
  if (!caller) redirect(`/sign-in?next=${encodeURIComponent(`/jobs/${jobId}`)}`);
  let notice: string;
  try {
    notice = await run(caller, jobId);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    // Only the code travels in the URL, so nobody can make the page say arbitrary words.
    notice = `error-${error.code}`;
  }
  revalidatePath("/jobs");
  revalidatePath(`/jobs/${jobId}`);
  redirect(`/jobs/${jobId}?notice=${encodeURIComponent(notice)}`);
}

export async function publishJobAction(formData: FormData): Promise<void> {
  await jobPageAction(formData, async (caller, jobId) => (await publishJob(caller, jobId), "published"));
}

export async function cancelJobAction(formData: FormData): Promise<void> {
  await jobPageAction(formData, async (caller, jobId) => (await cancelJob(caller, jobId), "cancelled"));
}

export async function acceptOfferAction(formData: FormData): Promise<void> {
  const offerId = offerButton.safeParse({ jobId: formData.get("jobId"), offerId: formData.get("offerId") });
  await jobPageAction(formData, async (caller) => {
    if (!offerId.success) throw new ApiError(400, "invalid_request", "That offer does not exist.");
    await acceptOffer(caller, offerId.data.offerId);
    return "accepted";
  });
}

/** The running provider's progress note; errors are shown under the note field. */
export async function postProgressAction(previous: FormState, formData: FormData): Promise<FormState> {
  const attempt = previous.attempt + 1;
  const values = { body: String(formData.get("body") ?? "") };
  const jobId = String(formData.get("jobId") ?? "");
  const [caller, t, locale] = await Promise.all([currentCaller(), getTranslations("jobForm"), getLocale()]);
  if (!caller) return { error: apiErrorMessage("unauthenticated", locale), values, attempt };
  const parsed = progressNoteSchema.safeParse(values);
  if (!parsed.success)
    return { error: t("needsAttention"), fieldErrors: translateFieldErrors(fieldErrorsOf(parsed.error), locale), values, attempt };
  try {
    await postProgress(caller, jobId, parsed.data.body);
  } catch (error) {
    return refusal(error, values, attempt);
  }
  revalidatePath(`/jobs/${jobId}`);
  return { attempt };
}
