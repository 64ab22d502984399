import Link from "next/link";
import type { ReactNode } from "react";
import { getTranslations } from "@/lib/i18n/server";
import { requireAdminPage } from "@/lib/auth/server/page-guards";

const sections = [
  { href: "/admin", key: "overview" },
  { href: "/admin/moderation", key: "moderation" },
  { href: "/admin/reports", key: "reports" },
  { href: "/admin/users", key: "users" },
  { href: "/admin/disputes", key: "disputes" },
  { href: "/admin/audit", key: "audit" },
] as const;

/** Non-admins get a 404 here and in every page (pages check again: layouts and pages render independently). */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requireAdminPage();
  const t = await getTranslations("admin");
  return (
    <div className="space-y-6">
      <nav aria-label={t("nav")} className="flex flex-wrap gap-2 border-b border-slate-200 pb-3 text-sm dark:border-slate-800">
        {sections.map((s) => (
          <Link key={s.href} href={s.href} className="rounded-md px-3 py-1.5 hover:bg-slate-100 dark:hover:bg-slate-800">
            {t(s.key)}
          </Link>
        ))}
      </nav>
      {children}
    </div>
  );
}
