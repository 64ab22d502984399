import type { Metadata } from "next";
import Link from "next/link";
import { openReportGroups } from "@/lib/admin/server/reports";
import { formatDateTime } from "@/lib/i18n/format";
import { getLocale, getTranslations } from "@/lib/i18n/server";
import { pageMetadata } from "@/lib/i18n/page-metadata";
import { requireAdminPage } from "@/lib/auth/server/page-guards";
import { reportCategories } from "@/lib/admin/schema";
import { ActionForm } from "../_components/action-form";
import { Button } from "@/components/ui/button";
import { cardClass } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";

export async function generateMetadata(): Promise<Metadata> {
  return pageMetadata((await getTranslations("admin"))("reportsTitle"), "adminReports");
}

const isCategory = (c: string): c is (typeof reportCategories)[number] => (reportCategories as readonly string[]).includes(c);

export default async function ReportsPage() {
  await requireAdminPage();
  const [groups, t, tListing, locale] = await Promise.all([
    openReportGroups(),
    getTranslations("admin"),
    getTranslations("listing"),
    getLocale(),
  ]);

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("reportsHeading")}</h1>
      {groups.length === 0 && <p className="text-slate-600 dark:text-slate-300">{t("noReports")}</p>}
      <ul className="space-y-4">
        {groups.map((g) => (
          <li
            key={`${g.targetType}:${g.targetId}`}
            data-testid="report-group"
            data-target-id={g.targetId}
            className={cardClass("space-y-3")}
          >
            <h2 className="font-semibold">
              {g.targetType === "LISTING" ? t("targetListing") : t("targetUser")}:{" "}
              <Link
                href={g.targetType === "LISTING" ? `/listings/${g.targetId}` : `/admin/users/${g.targetId}`}
                className="hover:underline"
              >
                {g.label}
              </Link>{" "}
              <span className="text-sm font-normal text-slate-500">
                {t(g.reports.length === 1 ? "reportsOne" : "reportsOther", {
                  state: g.targetState.toLowerCase().replace("_", " "),
                  count: g.reports.length,
                })}
              </span>
            </h2>
            <ul className="space-y-1 text-sm">
              {g.reports.map((r) => (
                <li key={r.id}>
                  <span className="font-medium">{isCategory(r.category) ? tListing(`category.${r.category}`) : r.category}</span>: {r.note}{" "}
                  <span className="text-xs text-slate-500">
                    — {r.reporter}, {formatDateTime(r.createdAt, locale)}
                  </span>
                </li>
              ))}
            </ul>
            <ActionForm
              endpoint="/api/admin/reports/resolve"
              hidden={{ targetType: g.targetType, targetId: g.targetId }}
              label={t("resolveReports")}
              className="flex flex-wrap items-center gap-2"
            >
              <label className="text-sm">
                <span className="sr-only">{t("resolution")}</span>
                <Select name="resolution" aria-label={t("resolution")} size="sm" width="auto" defaultValue="dismiss">
                  <option value="dismiss">{t("dismiss")}</option>
                  {g.targetType === "LISTING" ? (
                    <option value="suspend_listing">{t("suspendListing")}</option>
                  ) : (
                    <option value="ban_user">{t("banUser")}</option>
                  )}
                </Select>
              </label>
              <Input
                name="note"
                aria-label={t("resolutionNote")}
                placeholder={t("notePlaceholder")}
                size="sm"
                width="auto"
                className="min-w-64 flex-1"
              />
              <Button type="submit">{t("resolve")}</Button>
            </ActionForm>
          </li>
        ))}
      </ul>
    </div>
  );
}
