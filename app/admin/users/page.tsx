import type { Metadata } from "next";
import Link from "next/link";
import { searchUsers } from "@/lib/admin/server/users";
import { formatNumber } from "@/lib/i18n/format";
import { getLocale, getTranslations } from "@/lib/i18n/server";
import { pageMetadata } from "@/lib/i18n/page-metadata";
import { requireAdminPage } from "@/lib/auth/server/page-guards";

export async function generateMetadata(): Promise<Metadata> {
  return pageMetadata((await getTranslations("admin"))("usersTitle"), "adminUsers");
}

export default async function UsersPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  await requireAdminPage();
  const raw = (await searchParams).q;
  const q = (Array.isArray(raw) ? raw[0] : raw)?.slice(0, 42) ?? "";
  const [users, t, locale] = await Promise.all([searchUsers(q), getTranslations("admin"), getLocale()]);

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("usersHeading")}</h1>
      <form role="search" className="flex gap-2">
        <label htmlFor="q" className="sr-only">
          {t("addressLabel")}
        </label>
        <input id="q" name="q" defaultValue={q} placeholder={t("searchPlaceholder")} className="w-96 max-w-full rounded-md border border-slate-300 px-2 py-1.5 font-mono text-sm dark:border-slate-700 dark:bg-slate-900" />
        <button type="submit" className="rounded-md bg-brand-600 px-3 py-1.5 text-sm text-white">
          {t("search")}
        </button>
      </form>
      {users.length === 0 ? (
        <p className="text-slate-600 dark:text-slate-300">{t("noUsers")}</p>
      ) : (
        <table className="w-full text-left text-sm">
          <thead className="text-xs text-slate-500 uppercase">
            <tr>
              <th className="py-2">{t("colAddress")}</th>
              <th>{t("colRoles")}</th>
              <th>{t("colStatus")}</th>
              <th className="text-right">{t("colListings")}</th>
              <th className="text-right">{t("colOpenReports")}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} data-testid="user-row" className="border-t border-slate-100 dark:border-slate-800">
                <td className="py-2 font-mono">
                  <Link href={`/admin/users/${u.id}`} className="hover:underline">
                    {u.address}
                  </Link>
                  {u.displayName && <span className="ml-2 font-sans text-slate-500">{u.displayName}</span>}
                </td>
                <td>{u.roles.includes("ADMIN") || u.configuredAdmin ? (u.configuredAdmin ? t("roleAdminConfigured") : t("roleAdmin")) : "—"}</td>
                <td>{u.banned ? <span className="font-semibold text-red-700">{t("statusBanned")}</span> : t("statusActive")}</td>
                <td className="text-right tabular-nums">{formatNumber(u._count.machines, locale)}</td>
                <td className="text-right tabular-nums">{formatNumber(u._count.reportsAgainst, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
