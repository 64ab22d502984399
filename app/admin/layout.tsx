import Link from "next/link";
import type { ReactNode } from "react";
import { requireAdminPage } from "@/lib/server/auth/page-guards";

const sections = [
  { href: "/admin", label: "Overview" },
  { href: "/admin/moderation", label: "Moderation" },
  { href: "/admin/reports", label: "Reports" },
  { href: "/admin/users", label: "Users" },
  { href: "/admin/disputes", label: "Disputes" },
  { href: "/admin/audit", label: "Audit log" },
];

/** Non-admins get a 404 here and in every page (pages check again: layouts and pages render independently). */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requireAdminPage();
  return (
    <div className="space-y-6">
      <nav aria-label="Admin" className="flex flex-wrap gap-2 border-b border-slate-200 pb-3 text-sm dark:border-slate-800">
        {sections.map((s) => (
          <Link key={s.href} href={s.href} className="rounded-md px-3 py-1.5 hover:bg-slate-100 dark:hover:bg-slate-800">
            {s.label}
          </Link>
        ))}
      </nav>
      {children}
    </div>
  );
}
