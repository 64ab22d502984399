import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatDollars } from "@/lib/i18n/format";
import { getLocale, getTranslations } from "@/lib/i18n/server";
import { pageMetadata } from "@/lib/i18n/page-metadata";
import { userDetail } from "@/lib/admin/server/users";
import { requireAdminPage } from "@/lib/auth/server/page-guards";
import { ActionForm } from "../../_components/action-form";
import { baseUnitsOf } from "@/lib/core/money";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

export async function generateMetadata(): Promise<Metadata> {
  return pageMetadata((await getTranslations("adminPages"))("userTitle"), "adminUser");
}

const day = (d: Date) => d.toISOString().slice(0, 10);

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const admin = await requireAdminPage();
  const user = await userDetail((await params).id);
  if (!user) notFound();
  const [t, tStatus, locale] = await Promise.all([getTranslations("adminPages"), getTranslations("listingStatus"), getLocale()]);
  const isAdmin = user.roles.includes("ADMIN") || user.configuredAdmin;
  const endpoint = `/api/admin/users/${user.id}`;
  const self = user.id === admin.userId;

  return (
    <div className="space-y-8">
      <header className="space-y-1">
        <h1 className="font-mono text-xl font-semibold break-all" data-testid="user-address">
          {user.address}
        </h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {user.displayName ? `${user.displayName} · ` : ""}
          {t("memberSince", { date: day(user.createdAt) })} · {isAdmin ? t("roleAdmin") : t("roleUser")}
          {user.configuredAdmin && " (ADMIN_ADDRESSES)"} ·{" "}
          {t(user._count.sessions === 1 ? "sessionsOne" : "sessionsOther", { count: user._count.sessions })}
        </p>
        {user.banned && (
          <Alert tone="error" role="status" data-testid="banned-notice">
            {t("bannedNotice", { reason: user.bannedReason ?? "" })}
          </Alert>
        )}
      </header>

      <section aria-labelledby="actions" className="space-y-3">
        <h2 id="actions" className="text-lg font-semibold">
          {t("actions")}
        </h2>
        {self ? (
          <p className="text-sm text-slate-500">{t("thisIsYou")}</p>
        ) : (
          <div className="flex flex-wrap gap-4">
            {user.banned ? (
              <ActionForm endpoint={endpoint} hidden={{ action: "unban" }} label={t("unban")}>
                <Button type="submit" variant="secondary">
                  {t("unban")}
                </Button>
              </ActionForm>
            ) : user.configuredAdmin ? null : (
              <ActionForm endpoint={endpoint} hidden={{ action: "ban" }} label={t("ban")} className="flex flex-wrap gap-2">
                <Input name="reason" aria-label={t("banReason")} placeholder={t("reasonRequired")} size="sm" width="auto" />
                <Button type="submit" variant="danger">
                  {t("ban")}
                </Button>
              </ActionForm>
            )}
            {user.configuredAdmin ? (
              <p className="text-sm text-slate-500">{t("configuredAdmin")}</p>
            ) : (
              <ActionForm
                endpoint={endpoint}
                hidden={{ action: user.roles.includes("ADMIN") ? "revoke_admin" : "grant_admin" }}
                label={t("adminRole")}
              >
                <Button type="submit" variant="secondary">
                  {user.roles.includes("ADMIN") ? t("revokeAdmin") : t("grantAdmin")}
                </Button>
              </ActionForm>
            )}
          </div>
        )}
        <p className="text-xs text-slate-500">{t("banHint")}</p>
      </section>

      <section aria-labelledby="listings" className="space-y-2">
        <h2 id="listings" className="text-lg font-semibold">
          {t("listings", { count: user.machines.length })}
        </h2>
        <ul className="space-y-2 text-sm">
          {user.machines.map((m) => (
            <li key={m.id} className="flex flex-wrap items-center gap-3" data-testid="user-listing">
              <Link href={`/listings/${m.id}`} className="font-medium hover:underline">
                {t("machineIn", { count: m.gpuCount, model: m.gpuModel, city: m.city, country: m.country })}
              </Link>
              <span>{t("perGpuHour", { price: formatDollars(baseUnitsOf(m.pricePerGpuHour), locale) })}</span>
              <Badge>{tStatus(m.status)}</Badge>
              {(m.status === "LIVE" || m.status === "PAUSED") && (
                <ActionForm
                  endpoint="/api/admin/listings/moderation"
                  hidden={{ ids: [m.id], action: "suspend" }}
                  label={t("suspendLabel", { id: m.id })}
                  className="flex gap-2"
                >
                  <Input name="reason" aria-label={t("suspensionReason")} placeholder={t("reason")} size="sm" width="auto" />
                  <Button type="submit" variant="danger" size="sm">
                    {t("suspend")}
                  </Button>
                </ActionForm>
              )}
              {m.status === "SUSPENDED" && (
                <ActionForm
                  endpoint="/api/admin/listings/moderation"
                  hidden={{ ids: [m.id], action: "reinstate" }}
                  label={t("reinstateLabel", { id: m.id })}
                >
                  <Button type="submit" variant="secondary" size="sm">
                    {t("reinstate")}
                  </Button>
                </ActionForm>
              )}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="reports" className="space-y-2">
        <h2 id="reports" className="text-lg font-semibold">
          {t("reports")}
        </h2>
        <h3 className="text-sm font-medium">
          {t("reportsAbout", { user: user.reportsAgainst.length, listings: user.listingReports.length })}
        </h3>
        <ul className="list-disc pl-5 text-sm">
          {user.reportsAgainst.map((r) => (
            <li key={r.id}>
              {day(r.createdAt)} {r.category} ({r.status.toLowerCase()}): {r.note} — {t("reportBy", { address: r.reporter.address })}
            </li>
          ))}
          {user.listingReports.map((r) => (
            <li key={r.id}>
              {day(r.createdAt)} {t("reportListing", { id: r.listingId ?? "" })}: {r.category} ({r.status.toLowerCase()}): {r.note}
            </li>
          ))}
        </ul>
        <h3 className="text-sm font-medium">{t("reportsFiled", { count: user.reportsFiled.length })}</h3>
        <ul className="list-disc pl-5 text-sm">
          {user.reportsFiled.map((r) => (
            <li key={r.id}>
              {day(r.createdAt)} {r.targetType.toLowerCase()} {r.listingId ?? r.targetUserId}: {r.category} ({r.status.toLowerCase()}):{" "}
              {r.note}
            </li>
          ))}
        </ul>
        <p className="text-xs text-slate-500">{t("laterHint")}</p>
      </section>
    </div>
  );
}
