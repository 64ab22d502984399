import type { Metadata } from "next";
import Link from "next/link";
import { listAudit } from "@/lib/admin/server/audit";
import { requireAdminPage } from "@/lib/auth/server/page-guards";
import { getLocale, getTranslations } from "@/lib/i18n/server";
import { pageMetadata } from "@/lib/i18n/page-metadata";
import { translateFieldErrors } from "@/lib/i18n/validation";
import { auditActions, auditFilterSchema, searchParamsObject } from "@/lib/admin/schema";
import { fieldErrorsOf } from "@/lib/core/fields";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClass } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Table, TableFrame, TBody, Td, Th, THead, Tr } from "@/components/ui/table";

export async function generateMetadata(): Promise<Metadata> {
  return pageMetadata((await getTranslations("adminPages"))("auditTitle"), "adminAudit");
}

const control = { size: "sm", width: "auto", className: "mt-1 block" } as const;

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
        <a
          href={`/api/admin/audit/export${query ? `?${query}` : ""}`}
          className={buttonClass({ variant: "secondary" })}
          data-testid="audit-export"
        >
          {t("exportCsv")}
        </a>
      </div>
      <form className="flex flex-wrap items-end gap-3 text-sm" aria-label={t("auditFilter")}>
        <label>
          {t("adminAddress")}
          <Input name="admin" defaultValue={params.admin ?? ""} placeholder="0x…" {...control} className="mt-1 block font-mono" />
        </label>
        <label>
          {t("action")}
          <Select
            name="action"
            defaultValue={params.action ?? ""}
            {...control}
            options={[{ value: "", label: t("anyAction") }, ...auditActions.map((a) => ({ value: a, label: a }))]}
          />
        </label>
        <label>
          {t("from")}
          <Input type="date" name="from" defaultValue={params.from ?? ""} {...control} />
        </label>
        <label>
          {t("to")}
          <Input type="date" name="to" defaultValue={params.to ?? ""} {...control} />
        </label>
        <Button type="submit">{t("filter")}</Button>
        <Link href="/admin/audit" className="py-1.5 underline">
          {t("clear")}
        </Link>
      </form>
      {Object.keys(errors).length > 0 && (
        <Alert tone="error">
          {t("ignoredFilters", {
            filters: Object.entries(errors)
              .map(([k, v]) => `${k} (${v.join(" ")})`)
              .join("; "),
          })}
        </Alert>
      )}
      {items.length === 0 ? (
        <p className="text-slate-600 dark:text-slate-300">{t("noEntries")}</p>
      ) : (
        <TableFrame>
          <Table dense>
            <THead>
              <Tr>
                <Th>{t("colTime")}</Th>
                <Th>{t("colAdmin")}</Th>
                <Th>{t("colAction")}</Th>
                <Th>{t("colTarget")}</Th>
                <Th>{t("colReason")}</Th>
                <Th>{t("colChange")}</Th>
              </Tr>
            </THead>
            <TBody>
              {items.map((row) => (
                <Tr key={row.id} data-testid="audit-row" className="align-top">
                  <Td className="whitespace-nowrap">{row.createdAt.toISOString().slice(0, 19).replace("T", " ")}</Td>
                  <Td className="font-mono">{row.adminAddress}</Td>
                  <Td>{row.action}</Td>
                  <Td className="font-mono">
                    {row.targetType} {row.targetId}
                  </Td>
                  <Td>{row.reason}</Td>
                  <Td className="font-mono break-all">
                    {JSON.stringify(row.before)} → {JSON.stringify(row.after)}
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        </TableFrame>
      )}
      {nextCursor && (
        <Link
          href={`/admin/audit?${new URLSearchParams({ ...(rest as Record<string, string>), cursor: nextCursor }).toString()}`}
          className="underline"
        >
          {t("olderEntries")}
        </Link>
      )}
    </div>
  );
}
