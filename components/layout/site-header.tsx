import Link from "next/link";

const nav = [
  { href: "/marketplace", label: "Marketplace" },
  { href: "/jobs", label: "Jobs" },
  { href: "/provide", label: "Provide" },
  { href: "/orders", label: "Orders" },
  { href: "/admin", label: "Admin" },
];

export function SiteHeader({ walletSlot }: { walletSlot?: React.ReactNode }) {
  return (
    <header className="border-b border-slate-200 dark:border-slate-800">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="flex items-center gap-2 text-lg font-semibold tracking-tight">
          <span aria-hidden className="grid size-7 place-items-center rounded-md bg-brand-600 text-sm font-bold text-white">
            ig
          </span>
          Idlegrid
        </Link>
        <nav aria-label="Main" className="order-3 w-full sm:order-none sm:w-auto">
          <ul className="flex gap-4 text-sm text-slate-600 dark:text-slate-300">
            {nav.map((item) => (
              <li key={item.href}>
                <Link href={item.href} className="hover:text-slate-900 dark:hover:text-white">
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="ml-auto" data-testid="wallet-slot">
          {walletSlot}
        </div>
      </div>
    </header>
  );
}
