"use client";
/** A party's statement to the arbiter, posted through the same API scripts use. */
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { Locale } from "@/lib/i18n/locales";
import type { Messages } from "@/lib/i18n/messages/en";
import { createTranslator } from "@/lib/i18n/translate";
import { apiRefusal } from "@/lib/i18n/api-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextareaField } from "@/components/ui/field";

export function StatementForm({ orderId, messages, locale }: { orderId: string; messages: Messages["orders"]; locale: Locale }) {
  const t = createTranslator(messages, locale);
  const router = useRouter();
  const [body, setBody] = useState("");
  const [error, setError] = useState<{ message: string; field?: string[] } | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const res = await fetch(`/api/v1/orders/${orderId}/statement`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ body }),
      });
      if (!res.ok) {
        // The API speaks English: its refusal is said by its code, its field errors re-said, in the page's language.
        const refusal = apiRefusal(await res.json().catch(() => null), locale, ["body"]);
        setError({ message: `${t("statementFailed")} ${refusal.message}`, field: refusal.fieldErrors.body });
        return;
      }
      setBody("");
      router.refresh();
    } catch {
      setError({ message: t("statementUnreachable") });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="space-y-2">
      <TextareaField
        name="statement"
        label={t("yourStatement")}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        maxLength={4000}
        errors={error?.field}
      />
      {error && <Alert tone="error">{error.message}</Alert>}
      <Button type="submit" variant="secondary" disabled={busy}>
        {t("postStatement")}
      </Button>
    </form>
  );
}
