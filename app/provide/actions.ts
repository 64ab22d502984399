"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getTranslations, getLocale } from "@/lib/i18n/server";
import { translateFieldErrors } from "@/lib/i18n/validation";
import { apiErrorMessage } from "@/lib/i18n/api-errors";
import { currentCaller } from "@/lib/auth/server/caller";
import { ApiError } from "@/lib/core/server/api-error";
import { changeStatus, createListing, updateListing } from "@/lib/listings/server/mutations";
import { listingIdPattern } from "@/lib/listings/server/queries";
import { createListingSchema, ownerActions, updateListingSchema } from "@/lib/listings/schema";
import type { FormState } from "@/lib/core/form-state";
import { fieldErrorsOf } from "@/lib/core/fields";

function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) if (typeof value === "string" && !key.startsWith("$")) values[key] = value;
  return values;
}

export type MachineFormState = FormState<Record<string, string>>;

/** Creates (no `id`) or edits a machine; `intent=submit` also submits a new one for review. */
export async function saveMachine(previous: MachineFormState, formData: FormData): Promise<MachineFormState> {
  const values = formValues(formData);
  const attempt = previous.attempt + 1;
  const [caller, t, locale] = await Promise.all([currentCaller(), getTranslations("provide"), getLocale()]);
  if (!caller) return { error: t("sessionEnded"), values, attempt };

  const { id, intent, ...fields } = values;
  const schema = id ? updateListingSchema : createListingSchema;
  const parsed = schema.safeParse(fields);
  // The schema speaks English (it is the API's too); the form shows its errors in the visitor's language.
  if (!parsed.success)
    return { error: t("needsAttention"), fieldErrors: translateFieldErrors(fieldErrorsOf(parsed.error), locale), values, attempt };

  let savedId: string;
  let notice: string;
  try {
    if (id) {
      if (!listingIdPattern.test(id)) return { error: t("noSuchMachine"), values, attempt };
      const { sentToReview } = await updateListing(caller, id, parsed.data);
      savedId = id;
      notice = sentToReview ? "review" : "saved";
    } else {
      const created = await createListing(caller, createListingSchema.parse(fields), { submit: intent === "submit" });
      savedId = created.id;
      notice = intent === "submit" ? "submitted" : "draft";
    }
  } catch (error) {
    // The error's message is English, for the API; the form says it by its code.
    if (error instanceof ApiError)
      return { error: apiErrorMessage(error.code, locale), fieldErrors: translateFieldErrors(error.fieldErrors, locale), values, attempt };
    throw error;
  }
  revalidatePath("/provide");
  redirect(`/provide?notice=${notice}&machine=${encodeURIComponent(savedId)}`);
}

const ownerStatusChange = z.object({ id: z.string().regex(listingIdPattern), action: z.enum(ownerActions) });

/** Submit, withdraw, pause, resume or archive one of the caller's machines. */
export async function changeMachineStatus(formData: FormData): Promise<void> {
  const caller = await currentCaller();
  if (!caller) redirect("/sign-in?next=/provide");
  const parsed = ownerStatusChange.safeParse({ id: formData.get("id"), action: formData.get("action") });
  if (!parsed.success) redirect("/provide?notice=invalid");
  const { id, action } = parsed.data;
  let notice: string = action;
  try {
    await changeStatus(caller, id, { action });
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    notice = "failed";
  }
  revalidatePath("/provide");
  redirect(`/provide?notice=${notice}&machine=${encodeURIComponent(id)}`);
}
