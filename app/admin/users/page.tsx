import type { Metadata } from "next";
import Link from "next/link";
import { searchUsers } from "@/lib/server/admin/users";
import { requireAdminPage } from "@/lib/server/auth/page-guards";

export const metadata: Metadata = { title: "Users · Admin" };

export default async function UsersPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  await requireAdminPage();
  const raw = (await searchParams).q;
  const q = (Array.isArray(raw) ? raw[0] : raw)?.slice(0, 42) ?? "";
  const users = await searchUsers(q);

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Users</h1>
      <form role="search" className="flex gap-2">
        <label htmlFor="q" className="sr-only">
          Address
        </label>
        <input id="q" name="q" defaultValue={q} placeholder="Search by address, e.g. 0x7099" className="w-96 max-w-full rounded-md border border-slate-300 px-2 py-1.5 font-mono text-sm dark:border-slate-700 dark:bg-slate-900" />
        <button type="submit" className="rounded-md bg-brand-600 px-3 py-1.5 text-sm text-white">
          Search
        </button>
      </form>
      {users.length === 0 ? (
        <p className="text-slate-600 dark:text-slate-300">No users match.</p>
      ) : (
        <table className="w-full text-left text-sm">
          <thead className="text-xs text-slate-500 uppercase">
            <tr>
              <th className="py-2">Address</th>
              <th>Roles</th>
              <th>Status</th>
              <th className="text-right">Listings</th>
              <th className="text-right">Open reports</th>
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
                <td>{u.roles.includes("ADMIN") || u.configuredAdmin ? `Admin${u.configuredAdmin ? " (configured)" : ""}` : "—"}</td>
                <td>{u.banned ? <span className="font-semibold text-red-700">Banned</span> : "Active"}</td>
                <td className="text-right tabular-nums">{u._count.machines}</td>
                <td className="text-right tabular-nums">{u._count.reportsAgainst}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
