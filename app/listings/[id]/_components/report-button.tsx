"use client";

import { useState, type FormEvent } from "react";
import type { Locale } from "@/lib/i18n/locales";
import type { Messages } from "@/lib/i18n/messages/en";
import { createTranslator } from "@/lib/i18n/translate";
import { translateFieldErrors } from "@/lib/i18n/validation";
import { reportCategories } from "@/lib/admin/schema";

/** "Report" for a listing or its provider: a disclosure with a category and a note, posted to /api/v1/reports. */
export function ReportButton(props: { targetType: "LISTING" | "USER"; targetId: string; label: string; messages: Messages["listing"]; locale: Locale }) {
  const { targetType, targetId, label, locale } = props;
  const t = createTranslator(props.messages, locale);
  const [state, setState] = useState<{ kind: "idle" | "sending" | "sent" } | { kind: "error"; message: string; fieldErrors?: Record<string, string[]> }>({ kind: "idle" });
  const prefix = `report-${targetType.toLowerCase()}`;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setState({ kind: "sending" });
    try {
      const res = await fetch("/api/v1/reports", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ targetType, targetId, category: data.get("category"), note: data.get("note") }),
      });
      if (res.ok) return setState({ kind: "sent" });
      const body = (await res.json().catch(() => null)) as { message?: string; fieldErrors?: Record<string, string[]> } | null;
      // The API speaks English: field errors are re-said in the page's language.
      const fieldErrors = translateFieldErrors(body?.fieldErrors, locale);
      setState({ kind: "error", message: fieldErrors ? t("needsAttention") : (body?.message ?? t("reportServer", { status: String(res.status) })), fieldErrors });
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
  const fieldError = (name: string) =>
    state.kind === "error" && state.fieldErrors?.[name] ? (
      <p id={`${prefix}-${name}-error`} className="text-xs text-red-700">
        {state.fieldErrors[name].join(" ")}
      </p>
    ) : null;

  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-slate-600 underline dark:text-slate-400">{label}</summary>
      <form onSubmit={onSubmit} className="mt-2 space-y-2" aria-label={label}>
        <label htmlFor={`${prefix}-category`} className="block font-medium">
          {t("reportCategory")}
        </label>
        <select id={`${prefix}-category`} name="category" required className="w-full rounded-md border border-slate-300 px-2 py-1 dark:border-slate-700 dark:bg-slate-900">
          {reportCategories.map((c) => (
            <option key={c} value={c}>
              {t(`category.${c}`)}
            </option>
          ))}
        </select>
        {fieldError("category")}
        <label htmlFor={`${prefix}-note`} className="block font-medium">
          {t("reportNote")}
        </label>
        <textarea id={`${prefix}-note`} name="note" rows={3} maxLength={1000} className="w-full rounded-md border border-slate-300 px-2 py-1 dark:border-slate-700 dark:bg-slate-900" />
        {fieldError("note")}
        {state.kind === "error" && (
          <p role="alert" className="text-xs text-red-700">
            {state.message}
          </p>
        )}
        <button type="submit" disabled={state.kind === "sending"} className="rounded-md border border-red-700 px-3 py-1 text-red-700 disabled:opacity-60">
          {t("reportSend")}
        </button>
      </form>
    </details>
  );
}
