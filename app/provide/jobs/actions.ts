"use server";
/** A provider's offers: make one (form with per-field errors) and withdraw one (button). */
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { FormState } from "@/lib/core/form-state";
import { getLocale, getTranslations } from "@/lib/i18n/server";
import { translateFieldErrors } from "@/lib/i18n/validation";
import { apiErrorMessage } from "@/lib/i18n/api-errors";
import { currentCaller } from "@/lib/auth/server/caller";
import { ApiError } from "@/lib/core/server/api-error";
import { makeOffer, withdrawOffer } from "@/lib/jobs/server/offers";
import { offerIdPattern, offerInputSchema } from "@/lib/jobs/schema";
import { fieldErrorsOf } from "@/lib/core/fields";

export async function makeOfferAction(previous: FormState, formData: FormData): Promise<FormState> {
  const values: Record<string, string> = {};
  for (const key of ["jobId", "machineId", "pricePerGpuHour", "earliestStart", "note"]) values[key] = String(formData.get(key) ?? "");
  const attempt = previous.attempt + 1;
  const [caller, t] = await Promise.all([currentCaller(), getTranslations("jobs")]);
  if (!caller) return { error: t("offerSessionEnded"), values, attempt };
  const parsed = offerInputSchema.safeParse(values);
  if (!parsed.success) {
    return {
      error: t("needsAttention"),
      fieldErrors: translateFieldErrors(fieldErrorsOf(parsed.error), await getLocale()),
      values,
      attempt,
    };
  }
  try {
    await makeOffer(caller, parsed.data);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    const locale = await getLocale();
    // The error's message is English, for the API; the form says it by its code.
    return { error: apiErrorMessage(error.code, locale), fieldErrors: translateFieldErrors(error.fieldErrors, locale), values, attempt };
  }
  revalidatePath("/provide/jobs");
  redirect(`/provide/jobs?notice=offered`);
}

const withdrawInput = z.object({ offerId: z.string().regex(offerIdPattern) });

export async function withdrawOfferAction(formData: FormData): Promise<void> {
  const caller = await currentCaller();
  if (!caller) redirect("/sign-in?next=/provide/jobs");
  const parsed = withdrawInput.safeParse({ offerId: formData.get("offerId") });
  let notice = "error-not_found";
  if (parsed.success) {
    try {
      await withdrawOffer(caller, parsed.data.offerId);
      notice = "withdrawn";
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      notice = `error-${error.code}`;
    }
  }
  revalidatePath("/provide/jobs");
  redirect(`/provide/jobs?notice=${notice}`);
}
