/** The two dashboard views as links; the current one is marked for assistive technology too. */
import Link from "next/link";

export function DashboardTabs({
  current,
  labels,
}: {
  current: "buyer" | "provider";
  labels: { tabs: string; buyer: string; provider: string };
}) {
  const tabs = [
    { key: "buyer", href: "/dashboard", label: labels.buyer },
    { key: "provider", href: "/dashboard/provider", label: labels.provider },
  ] as const;
  return (
    <nav aria-label={labels.tabs}>
      <ul className="flex gap-2 border-b border-slate-200 text-sm dark:border-slate-800">
        {tabs.map((tab) => (
          <li key={tab.key}>
            <Link
              href={tab.href}
              aria-current={tab.key === current ? "page" : undefined}
              className={`-mb-px inline-block border-b-2 px-3 py-2 ${tab.key === current ? "border-brand-600 font-medium" : "border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-white"}`}
            >
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
