"use client";

import { useState, type FormEvent } from "react";
import type { Locale } from "@/lib/i18n/locales";
import type { Messages } from "@/lib/i18n/messages/en";
import { createTranslator } from "@/lib/i18n/translate";
import { apiRefusal } from "@/lib/i18n/api-errors";
import { reportCategories } from "@/lib/admin/schema";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextareaField } from "@/components/ui/field";

/** "Report" for a listing or its provider: a disclosure with a category and a note, posted to /api/v1/reports. */
export function ReportButton(props: {
  targetType: "LISTING" | "USER";
  targetId: string;
  label: string;
  messages: Messages["listing"];
  locale: Locale;
}) {
  const { targetType, targetId, label, locale } = props;
  const t = createTranslator(props.messages, locale);
  const [state, setState] = useState<
    { kind: "idle" | "sending" | "sent" } | { kind: "error"; message: string; fieldErrors?: Record<string, string[]> }
  >({ kind: "idle" });
  const prefix = `report-${targetType.toLowerCase()}`;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setState({ kind: "sending" });
    try {
      const res = await fetch("/api/v1/reports", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ targetType, targetId, category: data.get(`${prefix}-category`), note: data.get(`${prefix}-note`) }),
      });
      if (res.ok) return setState({ kind: "sent" });
      // The API speaks English: its refusal is said by its code, its field errors re-said, in the page's language.
      const refusal = apiRefusal(await res.json().catch(() => null), locale, ["category", "note"]);
      setState({ kind: "error", message: refusal.message, fieldErrors: refusal.fieldErrors });
    } catch {
      setState({ kind: "error", message: t("reportUnreachable") });
    }
  }

  if (state.kind === "sent") {
    return (
      <p role="status" className="text-sm text-green-800 dark:text-green-300" data-testid={`${prefix}-sent`}>
        {t("reportThanks")}
      </p>
    );
  }
  const errors = state.kind === "error" ? state.fieldErrors : undefined;

  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-slate-600 underline dark:text-slate-400">{label}</summary>
      <form onSubmit={onSubmit} className="mt-2 space-y-2" aria-label={label}>
        {/* Both a listing's and its provider's report form can be on one page: the ids carry the target type. */}
        <SelectField
          name={`${prefix}-category`}
          label={t("reportCategory")}
          size="sm"
          required
          errors={errors?.category}
          options={reportCategories.map((c) => ({ value: c, label: t(`category.${c}`) }))}
        />
        <TextareaField name={`${prefix}-note`} label={t("reportNote")} size="sm" rows={3} maxLength={1000} errors={errors?.note} />
        {state.kind === "error" && <Alert tone="error">{state.message}</Alert>}
        <Button type="submit" variant="danger" size="sm" disabled={state.kind === "sending"}>
          {t("reportSend")}
        </Button>
      </form>
    </details>
  );
}
