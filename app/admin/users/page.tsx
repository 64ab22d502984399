import type { Metadata } from "next";
import Link from "next/link";
import { searchUsers } from "@/lib/admin/server/users";
import { formatNumber } from "@/lib/i18n/format";
import { getLocale, getTranslations } from "@/lib/i18n/server";
import { pageMetadata } from "@/lib/i18n/page-metadata";
import { requireAdminPage } from "@/lib/auth/server/page-guards";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";

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
        <Input
          id="q"
          name="q"
          defaultValue={q}
          placeholder={t("searchPlaceholder")}
          width="auto"
          className="w-96 max-w-full font-mono text-sm"
        />
        <Button type="submit">{t("search")}</Button>
      </form>
      {users.length === 0 ? (
        <p className="text-slate-600 dark:text-slate-300">{t("noUsers")}</p>
      ) : (
        <Table>
          <THead>
            <Tr>
              <Th>{t("colAddress")}</Th>
              <Th>{t("colRoles")}</Th>
              <Th>{t("colStatus")}</Th>
              <Th numeric>{t("colListings")}</Th>
              <Th numeric>{t("colOpenReports")}</Th>
            </Tr>
          </THead>
          <TBody>
            {users.map((u) => (
              <Tr key={u.id} data-testid="user-row">
                <Td className="font-mono">
                  <Link href={`/admin/users/${u.id}`} className="hover:underline">
                    {u.address}
                  </Link>
                  {u.displayName && <span className="ml-2 font-sans text-slate-500">{u.displayName}</span>}
                </Td>
                <Td>
                  {u.roles.includes("ADMIN") || u.configuredAdmin ? (u.configuredAdmin ? t("roleAdminConfigured") : t("roleAdmin")) : "—"}
                </Td>
                <Td>{u.banned ? <Badge tone="danger">{t("statusBanned")}</Badge> : t("statusActive")}</Td>
                <Td numeric>{formatNumber(u._count.machines, locale)}</Td>
                <Td numeric>{formatNumber(u._count.reportsAgainst, locale)}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </div>
  );
}
