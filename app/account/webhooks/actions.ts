"use server";
/**
 * Account → Webhooks: add an endpoint (its signing secret comes back in the form's state, shown once),
 * delete one, redeliver a delivery. Same schema and domain functions as /api/v1/me/webhooks.
 */
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { FormState } from "@/lib/core/form-state";
import { fieldErrorsOf } from "@/lib/core/fields";
import { ApiError } from "@/lib/core/server/api-error";
import { apiErrorMessage } from "@/lib/i18n/api-errors";
import { getLocale, getTranslations } from "@/lib/i18n/server";
import { translateFieldErrors } from "@/lib/i18n/validation";
import { currentCaller } from "@/lib/auth/server/caller";
import { createWebhookSchema } from "@/lib/webhooks/schema";
import { createWebhookEndpoint, deleteWebhookEndpoint, redeliver } from "@/lib/webhooks/server/endpoints";

const PAGE = "/account/webhooks";

export interface AddEndpointState extends FormState {
  created?: { url: string; secret: string };
}

/** zod names each event by its index (events.0); the form shows them under the group. */
function groupErrors(errors: Record<string, string[]>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [field, messages] of Object.entries(errors)) (out[field.split(".")[0] ?? field] ??= []).push(...messages);
  return out;
}

export async function addEndpointAction(previous: AddEndpointState, formData: FormData): Promise<AddEndpointState> {
  const attempt = previous.attempt + 1;
  const values = {
    url: String(formData.get("url") ?? ""),
    description: String(formData.get("description") ?? ""),
    events: formData.getAll("events").map(String),
  };
  const [caller, t, locale] = await Promise.all([currentCaller(), getTranslations("webhooks"), getLocale()]);
  if (!caller) return { error: t("sessionEnded"), values, attempt };
  const parsed = createWebhookSchema.safeParse(values);
  if (!parsed.success)
    return {
      error: t("needsAttention"),
      fieldErrors: translateFieldErrors(groupErrors(fieldErrorsOf(parsed.error)), locale),
      values,
      attempt,
    };
  try {
    const endpoint = await createWebhookEndpoint(caller.userId, parsed.data);
    revalidatePath(PAGE);
    return { attempt, created: { url: endpoint.url, secret: endpoint.secret } };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    // The URL policy's refusal names the field, like the schema's.
    return { error: apiErrorMessage(error.code, locale), fieldErrors: translateFieldErrors(error.fieldErrors, locale), values, attempt };
  }
}

const idForm = z.object({ id: z.string().min(1).max(64) });

export async function deleteEndpointAction(formData: FormData): Promise<void> {
  const caller = await currentCaller();
  if (!caller) redirect(`/sign-in?next=${encodeURIComponent(PAGE)}`);
  const parsed = idForm.safeParse({ id: formData.get("id") });
  if (parsed.success) {
    try {
      await deleteWebhookEndpoint(caller.userId, parsed.data.id);
    } catch (error) {
      // Someone else's or an unknown id: nothing to delete; the reloaded list shows what there is.
      if (!(error instanceof ApiError)) throw error;
    }
  }
  revalidatePath(PAGE);
}

const redeliverForm = z.object({ endpointId: z.string().min(1).max(64), deliveryId: z.string().min(1).max(64) });

/** Sends one delivery again now; the log re-renders with the new attempt on top. */
export async function redeliverAction(formData: FormData): Promise<void> {
  const parsed = redeliverForm.safeParse({ endpointId: formData.get("endpointId"), deliveryId: formData.get("deliveryId") });
  if (!parsed.success) redirect(PAGE);
  const { endpointId, deliveryId } = parsed.data;
  const caller = await currentCaller();
  if (!caller) redirect(`/sign-in?next=${encodeURIComponent(`${PAGE}/${endpointId}`)}`);
  try {
    await redeliver(caller.userId, endpointId, deliveryId);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    redirect(PAGE);
  }
  revalidatePath(`${PAGE}/${endpointId}`);
}
