"use client";
/** A party's statement to the arbiter, posted through the same API scripts use. */
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { Locale } from "@/lib/i18n/locales";
import type { Messages } from "@/lib/i18n/messages/en";
import { createTranslator } from "@/lib/i18n/translate";
import { translateMessage } from "@/lib/i18n/validation";

export function StatementForm({ orderId, messages, locale }: { orderId: string; messages: Messages["orders"]; locale: Locale }) {
  const t = createTranslator(messages, locale);
  const router = useRouter();
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const res = await fetch(`/api/v1/orders/${orderId}/statement`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ body }) });
      if (!res.ok) {
        const json = await res.json().catch(() => ({}));
        const fieldError: string | undefined = json.fieldErrors?.body?.[0];
        setError(fieldError ? translateMessage(fieldError, locale) : (json.message ?? t("statementFailed")));
        return;
      }
      setBody("");
      router.refresh();
    } catch {
      setError(t("statementUnreachable"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="space-y-2">
      <label htmlFor="statement" className="block text-sm font-medium">
        {t("yourStatement")}
      </label>
      <textarea id="statement" value={body} onChange={(e) => setBody(e.target.value)} rows={4} maxLength={4000} className="w-full rounded-md border border-slate-300 p-2 text-sm dark:border-slate-700" />
      {error ? (
        <p role="alert" className="text-sm text-red-600">
          {error}
        </p>
      ) : null}
      <button type="submit" disabled={busy} className="rounded-lg border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-50 disabled:opacity-50 dark:border-slate-700">
        {t("postStatement")}
      </button>
    </form>
  );
}
