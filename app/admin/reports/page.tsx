import type { Metadata } from "next";
import Link from "next/link";
import { openReportGroups } from "@/lib/server/admin/reports";
import { requireAdminPage } from "@/lib/server/auth/page-guards";
import { reportCategoryLabels } from "@/lib/validations/admin";
import { ActionForm } from "../_components/action-form";

export const metadata: Metadata = { title: "Reports · Admin" };

const input = "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900";

export default async function ReportsPage() {
  await requireAdminPage();
  const groups = await openReportGroups();

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Open reports</h1>
      {groups.length === 0 && <p className="text-slate-600 dark:text-slate-300">No open reports.</p>}
      <ul className="space-y-4">
        {groups.map((g) => (
          <li key={`${g.targetType}:${g.targetId}`} data-testid="report-group" data-target-id={g.targetId} className="space-y-3 rounded-xl border border-slate-200 p-4 dark:border-slate-800">
            <h2 className="font-semibold">
              {g.targetType === "LISTING" ? "Listing" : "User"}:{" "}
              <Link href={g.targetType === "LISTING" ? `/listings/${g.targetId}` : `/admin/users/${g.targetId}`} className="hover:underline">
                {g.label}
              </Link>{" "}
              <span className="text-sm font-normal text-slate-500">
                ({g.targetState.toLowerCase().replace("_", " ")}, {g.reports.length} {g.reports.length === 1 ? "report" : "reports"})
              </span>
            </h2>
            <ul className="space-y-1 text-sm">
              {g.reports.map((r) => (
                <li key={r.id}>
                  <span className="font-medium">{reportCategoryLabels[r.category as keyof typeof reportCategoryLabels] ?? r.category}</span>: {r.note}{" "}
                  <span className="text-xs text-slate-500">
                    — {r.reporter}, {r.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC
                  </span>
                </li>
              ))}
            </ul>
            <ActionForm endpoint="/api/admin/reports/resolve" hidden={{ targetType: g.targetType, targetId: g.targetId }} label="Resolve reports" className="flex flex-wrap items-center gap-2">
              <label className="text-sm">
                <span className="sr-only">Resolution</span>
                <select name="resolution" aria-label="Resolution" className={input} defaultValue="dismiss">
                  <option value="dismiss">Dismiss</option>
                  {g.targetType === "LISTING" ? <option value="suspend_listing">Suspend the listing</option> : <option value="ban_user">Ban the user</option>}
                </select>
              </label>
              <input name="note" aria-label="Resolution note" placeholder="Note (required)" className={`${input} min-w-64 flex-1`} />
              <button type="submit" className="rounded bg-brand-600 px-3 py-1 text-sm text-white">
                Resolve
              </button>
            </ActionForm>
          </li>
        ))}
      </ul>
    </div>
  );
}
