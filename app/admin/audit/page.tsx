import type { Metadata } from "next";
import Link from "next/link";
import { listAudit } from "@/lib/admin/server/audit";
import { requireAdminPage } from "@/lib/auth/server/page-guards";
import { getLocale, getTranslations } from "@/lib/i18n/server";
import { pageMetadata } from "@/lib/i18n/page-metadata";
import { translateFieldErrors } from "@/lib/i18n/validation";
import { auditActions, auditFilterSchema, searchParamsObject } from "@/lib/admin/schema";
import { fieldErrorsOf } from "@/lib/core/fields";

export async function generateMetadata(): Promise<Metadata> {
  return pageMetadata((await getTranslations("adminPages"))("auditTitle"), "adminAudit");
}

const input = "mt-1 block rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900";

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdminPage();
  const [t, locale] = await Promise.all([getTranslations("adminPages"), getLocale()]);
  const params = searchParamsObject(await searchParams);
  const parsed = auditFilterSchema.safeParse(params);
  const filter = parsed.success ? parsed.data : {};
  const errors = parsed.success ? {} : (translateFieldErrors(fieldErrorsOf(parsed.error), locale) ?? {});
  const { items, nextCursor } = await listAudit(filter);
  const { cursor, ...rest } = filter;
  void cursor;
  const query = new URLSearchParams(rest as Record<string, string>).toString();

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">{t("auditHeading")}</h1>
        <a href={`/api/admin/audit/export${query ? `?${query}` : ""}`} className="rounded-md border px-3 py-1.5 text-sm" data-testid="audit-export">
          {t("exportCsv")}
        </a>
      </div>
      <form className="flex flex-wrap items-end gap-3 text-sm" aria-label={t("auditFilter")}>
        <label>
          {t("adminAddress")}
          <input name="admin" defaultValue={params.admin ?? ""} placeholder="0x…" className={`${input} font-mono`} />
        </label>
        <label>
          {t("action")}
          <select name="action" defaultValue={params.action ?? ""} className={input}>
            <option value="">{t("anyAction")}</option>
            {auditActions.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("from")}
          <input type="date" name="from" defaultValue={params.from ?? ""} className={input} />
        </label>
        <label>
          {t("to")}
          <input type="date" name="to" defaultValue={params.to ?? ""} className={input} />
        </label>
        <button type="submit" className="rounded-md bg-brand-600 px-3 py-1.5 text-white">
          {t("filter")}
        </button>
        <Link href="/admin/audit" className="py-1.5 underline">
          {t("clear")}
        </Link>
      </form>
      {Object.keys(errors).length > 0 && (
        <p role="alert" className="text-sm text-red-700">
          {t("ignoredFilters", { filters: Object.entries(errors).map(([k, v]) => `${k} (${v.join(" ")})`).join("; ") })}
        </p>
      )}
      {items.length === 0 ? (
        <p className="text-slate-600 dark:text-slate-300">{t("noEntries")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-xs">
            <thead className="text-slate-500 uppercase">
              <tr>
                <th className="py-2 pr-3">{t("colTime")}</th>
                <th className="pr-3">{t("colAdmin")}</th>
                <th className="pr-3">{t("colAction")}</th>
                <th className="pr-3">{t("colTarget")}</th>
                <th className="pr-3">{t("colReason")}</th>
                <th>{t("colChange")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((row) => (
                <tr key={row.id} data-testid="audit-row" className="border-t border-slate-100 align-top dark:border-slate-800">
                  <td className="py-1.5 pr-3 whitespace-nowrap">{row.createdAt.toISOString().slice(0, 19).replace("T", " ")}</td>
                  <td className="pr-3 font-mono">{row.adminAddress}</td>
                  <td className="pr-3">{row.action}</td>
                  <td className="pr-3 font-mono">
                    {row.targetType} {row.targetId}
                  </td>
                  <td className="pr-3">{row.reason}</td>
                  <td className="font-mono break-all">
                    {JSON.stringify(row.before)} → {JSON.stringify(row.after)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {nextCursor && (
        <Link href={`/admin/audit?${new URLSearchParams({ ...(rest as Record<string, string>), cursor: nextCursor }).toString()}`} className="underline">
          {t("olderEntries")}
        </Link>
      )}
    </div>
  );
}
