import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { statusLabels } from "@/lib/listing-lifecycle";
import { fromBaseUnits } from "@/lib/money";
import { userDetail } from "@/lib/server/admin/users";
import { requireAdminPage } from "@/lib/server/auth/page-guards";
import { ActionForm } from "../../_components/action-form";

export const metadata: Metadata = { title: "User · Admin" };

const input = "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900";
const day = (d: Date) => d.toISOString().slice(0, 10);

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const admin = await requireAdminPage();
  const user = await userDetail((await params).id);
  if (!user) notFound();
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
          {user.displayName ? `${user.displayName} · ` : ""}member since {day(user.createdAt)} · {isAdmin ? "admin" : "user"}
          {user.configuredAdmin && " (ADMIN_ADDRESSES)"} · {user._count.sessions} active session{user._count.sessions === 1 ? "" : "s"}
        </p>
        {user.banned && (
          <p role="status" data-testid="banned-notice" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-900 dark:bg-red-950 dark:text-red-200">
            Banned: {user.bannedReason}
          </p>
        )}
      </header>

      <section aria-labelledby="actions" className="space-y-3">
        <h2 id="actions" className="text-lg font-semibold">
          Actions
        </h2>
        {self ? (
          <p className="text-sm text-slate-500">This is you: another admin must ban you or change your role.</p>
        ) : (
          <div className="flex flex-wrap gap-4">
            {user.banned ? (
              <ActionForm endpoint={endpoint} hidden={{ action: "unban" }} label="Unban">
                <button type="submit" className="rounded border px-3 py-1 text-sm">
                  Unban
                </button>
              </ActionForm>
            ) : user.configuredAdmin ? null : (
              <ActionForm endpoint={endpoint} hidden={{ action: "ban" }} label="Ban" className="flex flex-wrap gap-2">
                <input name="reason" aria-label="Ban reason" placeholder="Reason (required)" className={input} />
                <button type="submit" className="rounded bg-red-700 px-3 py-1 text-sm text-white">
                  Ban
                </button>
              </ActionForm>
            )}
            {user.configuredAdmin ? (
              <p className="text-sm text-slate-500">Admin by configuration (ADMIN_ADDRESSES): cannot be demoted here.</p>
            ) : (
              <ActionForm endpoint={endpoint} hidden={{ action: user.roles.includes("ADMIN") ? "revoke_admin" : "grant_admin" }} label="Admin role">
                <button type="submit" className="rounded border px-3 py-1 text-sm">
                  {user.roles.includes("ADMIN") ? "Revoke admin role" : "Grant admin role"}
                </button>
              </ActionForm>
            )}
          </div>
        )}
        <p className="text-xs text-slate-500">
          A ban ends the user&apos;s sessions at once and hides their listings from the marketplace (their statuses are kept for an
          unban). Rentals, orders and job offers arrive with later issues.
        </p>
      </section>

      <section aria-labelledby="listings" className="space-y-2">
        <h2 id="listings" className="text-lg font-semibold">
          Listings ({user.machines.length})
        </h2>
        <ul className="space-y-2 text-sm">
          {user.machines.map((m) => (
            <li key={m.id} className="flex flex-wrap items-center gap-3" data-testid="user-listing">
              <Link href={`/listings/${m.id}`} className="font-medium hover:underline">
                {m.gpuCount}× {m.gpuModel} in {m.city}, {m.country}
              </Link>
              <span>${fromBaseUnits(BigInt(m.pricePerGpuHour.toFixed(0)))}/GPU-h</span>
              <span className="rounded bg-slate-100 px-1.5 dark:bg-slate-800">{statusLabels[m.status]}</span>
              {(m.status === "LIVE" || m.status === "PAUSED") && (
                <ActionForm endpoint="/api/admin/listings/moderation" hidden={{ ids: [m.id], action: "suspend" }} label={`Suspend ${m.id}`} className="flex gap-2">
                  <input name="reason" aria-label="Suspension reason" placeholder="Reason" className={input} />
                  <button type="submit" className="rounded border border-red-700 px-2 py-0.5 text-red-700">
                    Suspend
                  </button>
                </ActionForm>
              )}
              {m.status === "SUSPENDED" && (
                <ActionForm endpoint="/api/admin/listings/moderation" hidden={{ ids: [m.id], action: "reinstate" }} label={`Reinstate ${m.id}`}>
                  <button type="submit" className="rounded border px-2 py-0.5">
                    Reinstate
                  </button>
                </ActionForm>
              )}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="reports" className="space-y-2">
        <h2 id="reports" className="text-lg font-semibold">
          Reports
        </h2>
        <h3 className="text-sm font-medium">About this user ({user.reportsAgainst.length}) and their listings ({user.listingReports.length})</h3>
        <ul className="list-disc pl-5 text-sm">
          {user.reportsAgainst.map((r) => (
            <li key={r.id}>
              {day(r.createdAt)} {r.category} ({r.status.toLowerCase()}): {r.note} — by {r.reporter.address}
            </li>
          ))}
          {user.listingReports.map((r) => (
            <li key={r.id}>
              {day(r.createdAt)} listing {r.listingId}: {r.category} ({r.status.toLowerCase()}): {r.note}
            </li>
          ))}
        </ul>
        <h3 className="text-sm font-medium">Filed by this user ({user.reportsFiled.length})</h3>
        <ul className="list-disc pl-5 text-sm">
          {user.reportsFiled.map((r) => (
            <li key={r.id}>
              {day(r.createdAt)} {r.targetType.toLowerCase()} {r.listingId ?? r.targetUserId}: {r.category} ({r.status.toLowerCase()}): {r.note}
            </li>
          ))}
        </ul>
        <p className="text-xs text-slate-500">Jobs and orders do not exist yet; they will be listed here when they do.</p>
      </section>
    </div>
  );
}
