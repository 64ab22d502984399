/**
 * An API refusal in the visitor's language. A 4xx answer is `{ error: code, message, fieldErrors }`
 * (lib/core/server/api-error.ts); its `message` is English for scripts and logs, so forms never show it.
 * They show the sentence for the code (messages/api-errors-*.ts) and the field errors re-said by
 * lib/i18n/validation.ts. Holds only the small apiErrors namespace, so client forms may import it.
 */
import type { Locale } from "./locales";
import { apiErrorsDe } from "./messages/api-errors-de";
import { apiErrorsEn, type ApiErrorMessages } from "./messages/api-errors-en";
import { translateFieldErrors } from "./validation";

const dictionaries: Record<Locale, ApiErrorMessages> = { en: apiErrorsEn, de: apiErrorsDe };

export type ApiErrorCode = Exclude<keyof ApiErrorMessages, "unknown" | "unreachable">;

const isCode = (code: unknown): code is ApiErrorCode =>
  typeof code === "string" && code !== "unknown" && code !== "unreachable" && Object.hasOwn(apiErrorsEn, code);

/** The sentence for an error code; a code without one says "the server refused" rather than showing English. */
export function apiErrorMessage(code: string | undefined, locale: Locale): string {
  return dictionaries[locale][isCode(code) ? code : "unknown"];
}

/** What a form shows when the server could not be reached at all. */
export function unreachableMessage(locale: Locale): string {
  return dictionaries[locale].unreachable;
}

export interface ApiRefusal {
  code: string | undefined;
  /** The sentence to show above the form. */
  message: string;
  /** Per field, in the page's language, for the fields the form shows. */
  fieldErrors: Record<string, string[]>;
}

/**
 * Reads a refused call's JSON body (anything: it may not even be JSON). `shownFields` names the fields the
 * form shows errors under; the errors of any other field (or of the whole body, `_`) join the message, so
 * nothing the server said is lost. Without `shownFields` every field is taken as shown.
 */
export function apiRefusal(body: unknown, locale: Locale, shownFields?: readonly string[]): ApiRefusal {
  const answer = typeof body === "object" && body !== null ? (body as { error?: unknown; fieldErrors?: unknown }) : {};
  const code = typeof answer.error === "string" ? answer.error : undefined;
  const fieldErrors = translateFieldErrors(isFieldErrors(answer.fieldErrors) ? answer.fieldErrors : undefined, locale) ?? {};
  const shown: Record<string, string[]> = {};
  const rest: string[] = [];
  for (const [field, messages] of Object.entries(fieldErrors)) {
    if (!shownFields || shownFields.includes(field)) shown[field] = messages;
    // A field the form has no place for is named (as the API names it); `_` is about the whole request.
    else rest.push(...messages.map((m) => (field === "_" ? m : `${field}: ${m}`)));
  }
  const message = [apiErrorMessage(code, locale), ...rest].join(" ");
  return { code, message, fieldErrors: shown };
}

function isFieldErrors(value: unknown): value is Record<string, string[]> {
  return (
    typeof value === "object" &&
    value !== null &&
    Object.values(value).every((v) => Array.isArray(v) && v.every((m) => typeof m === "string"))
  );
}
