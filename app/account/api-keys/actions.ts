"use server";
/**
 * Account → API keys: create (the secret comes back in the form's state, shown once), revoke, and sign
 * in again when the sign-in is too old to create keys. Each parses with the API's schema, then lib/apikeys
 * does the work; refusals come back in the page's language.
 */
import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { FormState } from "@/lib/core/form-state";
import { fieldErrorsOf } from "@/lib/core/fields";
import { ApiError } from "@/lib/core/server/api-error";
import { apiErrorMessage } from "@/lib/i18n/api-errors";
import { getLocale, getTranslations } from "@/lib/i18n/server";
import { translateFieldErrors } from "@/lib/i18n/validation";
import { currentCaller, requireRecentSignIn } from "@/lib/auth/server/caller";
import { expiredSessionCookie, revokeSession, SESSION_COOKIE } from "@/lib/auth/server/sessions";
import { createApiKeySchema } from "@/lib/apikeys/schema";
import { createApiKey, revokeApiKey } from "@/lib/apikeys/server/keys";

const PAGE = "/account/api-keys";

export interface CreateKeyState extends FormState {
  /** The new key, for this one render only: it is not stored anywhere it could be read again. */
  created?: { name: string; secret: string };
}

/** zod names each scope by its index (scopes.0); the form shows them under the group. */
function groupErrors(errors: Record<string, string[]>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [field, messages] of Object.entries(errors)) (out[field.split(".")[0] ?? field] ??= []).push(...messages);
  return out;
}

export async function createKeyAction(previous: CreateKeyState, formData: FormData): Promise<CreateKeyState> {
  const attempt = previous.attempt + 1;
  const expiry = String(formData.get("expiresInDays") ?? "");
  const values = { name: String(formData.get("name") ?? ""), scopes: formData.getAll("scopes").map(String), expiresInDays: expiry };
  const [caller, t, locale] = await Promise.all([currentCaller(), getTranslations("apiKeys"), getLocale()]);
  if (!caller) return { error: t("sessionEnded"), values, attempt };
  const parsed = createApiKeySchema.safeParse({ ...values, expiresInDays: expiry === "" ? null : Number(expiry) });
  if (!parsed.success) {
    return {
      error: t("needsAttention"),
      fieldErrors: translateFieldErrors(groupErrors(fieldErrorsOf(parsed.error)), locale),
      values,
      attempt,
    };
  }
  try {
    requireRecentSignIn(caller);
    const key = await createApiKey(caller.userId, parsed.data);
    revalidatePath(PAGE);
    return { attempt, created: { name: key.name, secret: key.secret } };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return { error: apiErrorMessage(error.code, locale), values, attempt };
  }
}

const revokeForm = z.object({ id: z.string().min(1).max(64) });

/** One click in the key list; the list re-renders with the key shown revoked. */
export async function revokeKeyAction(formData: FormData): Promise<void> {
  const caller = await currentCaller();
  if (!caller) redirect(`/sign-in?next=${encodeURIComponent(PAGE)}`);
  const parsed = revokeForm.safeParse({ id: formData.get("id") });
  if (parsed.success) {
    try {
      await revokeApiKey(caller.userId, parsed.data.id);
    } catch (error) {
      // Someone else's or an unknown id: nothing to revoke, and the reloaded list shows what there is.
      if (!(error instanceof ApiError)) throw error;
    }
  }
  revalidatePath(PAGE);
}

/** Ends this session and sends the visitor to sign in afresh, which makes key creation possible again. */
export async function signInAgainAction(): Promise<void> {
  const jar = await cookies();
  const token = jar.get(SESSION_COOKIE)?.value;
  if (token) await revokeSession(token);
  jar.set(expiredSessionCookie());
  redirect(`/sign-in?next=${encodeURIComponent(PAGE)}`);
}
