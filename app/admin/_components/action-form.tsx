"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { apiRefusal, unreachableMessage } from "@/lib/i18n/api-errors";
import { isLocale, type Locale } from "@/lib/i18n/locales";

interface ApiFailure {
  message: string;
  fieldErrors?: Record<string, string[]>;
}

/** The page's language as the server rendered it into <html lang> (read on submit, never during render). */
const documentLocale = (): Locale => (isLocale(document.documentElement.lang) ? document.documentElement.lang : "en");

/**
 * A form that posts its fields as JSON to an admin route handler (which re-checks the admin and parses
 * with the shared zod schema), shows the error it answers in words, and refreshes the server-rendered
 * page on success. The clicked button's name/value is sent too, so one form can offer several actions;
 * `arrayFields` are sent as arrays (checkboxes elsewhere on the page can join via their `form` attribute).
 */
export function ActionForm({
  endpoint,
  hidden = {},
  arrayFields = [],
  children,
  className,
  id,
  label,
  successMessage,
}: {
  endpoint: string;
  hidden?: Record<string, unknown>;
  arrayFields?: string[];
  children: ReactNode;
  className?: string;
  id?: string;
  label?: string;
  successMessage?: string;
}) {
  const router = useRouter();
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [done, setDone] = useState(false);
  const [pending, startTransition] = useTransition();
  const [sending, setSending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(form, submitter);
    const body: Record<string, unknown> = { ...hidden };
    for (const key of new Set(data.keys())) body[key] = arrayFields.includes(key) ? data.getAll(key) : data.get(key);
    for (const key of arrayFields) body[key] ??= hidden[key] ?? [];
    setSending(true);
    setDone(false);
    try {
      const res = await fetch(endpoint, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      if (!res.ok) {
        // The API speaks English: its refusal is said by its code, its field errors re-said, in the page's language.
        const refusal = apiRefusal(await res.json().catch(() => null), documentLocale());
        setFailure({
          message: refusal.message,
          fieldErrors: Object.keys(refusal.fieldErrors).length > 0 ? refusal.fieldErrors : undefined,
        });
        return;
      }
      setFailure(null);
      setDone(true);
      form.reset();
      startTransition(() => router.refresh());
    } catch {
      setFailure({ message: unreachableMessage(documentLocale()) });
    } finally {
      setSending(false);
    }
  }

  return (
    <form id={id} onSubmit={onSubmit} className={className} aria-label={label} aria-busy={sending || pending}>
      <fieldset disabled={sending || pending} className="contents">
        {children}
      </fieldset>
      {failure && (
        <Alert tone="error" className="mt-2 w-full">
          {failure.message}
          {failure.fieldErrors && (
            <ul className="mt-1 list-disc pl-5">
              {Object.entries(failure.fieldErrors).map(([field, messages]) => (
                <li key={field}>{messages.join(" ")}</li>
              ))}
            </ul>
          )}
        </Alert>
      )}
      {done && successMessage && (
        <p role="status" className="mt-2 w-full text-sm text-green-800 dark:text-green-300">
          {successMessage}
        </p>
      )}
    </form>
  );
}
