import Link from "next/link";
import { LanguageSwitcher } from "@/components/i18n/language-switcher";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { getThemePreference } from "@/components/theme/server";
import { currentCaller } from "@/lib/auth/server/caller";
import { ThemeToggle } from "@/components/theme/theme-toggle";
import { getLocale, getMessages, getTranslations } from "@/lib/i18n/server";

const nav = [
  { href: "/marketplace", key: "marketplace" },
  { href: "/jobs", key: "jobs" },
  { href: "/provide", key: "provide" },
  { href: "/orders", key: "orders" },
  { href: "/dashboard", key: "dashboard" },
  { href: "/admin", key: "admin", adminOnly: true },
] as const;

export async function SiteHeader({ walletSlot }: { walletSlot?: React.ReactNode }) {
  const [t, locale, languageLabels, themeLabels, theme, caller] = await Promise.all([
    getTranslations("nav"),
    getLocale(),
    getMessages("language"),
    getMessages("theme"),
    getThemePreference(),
    currentCaller(),
  ]);
  // The console answers 404 to everyone else, so a link to it would only be a dead end (and advertise it).
  const links = nav.filter((item) => !("adminOnly" in item) || caller?.isAdmin);
  return (
    <header className="border-b border-slate-200 dark:border-slate-800">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
        <Link href="/" className="flex items-center gap-2 text-lg font-semibold tracking-tight">
          <span aria-hidden className="grid size-7 place-items-center rounded-md bg-brand-600 text-sm font-bold text-white">
            ig
          </span>
          Idlegrid
        </Link>
        {/* Beside the logo only on wide screens; below them it takes a row of its own rather than pushing the account off the first. */}
        <nav aria-label={t("main")} className="order-3 w-full xl:order-none xl:w-auto">
          {/* Wraps on a phone rather than pushing the page wider than the screen. */}
          <ul className="flex flex-wrap gap-x-3 gap-y-1 text-sm text-slate-600 dark:text-slate-300">
            {links.map((item) => (
              <li key={item.href}>
                <Link href={item.href} className="hover:text-slate-900 dark:hover:text-white">
                  {t(item.key)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="ml-auto flex flex-wrap items-center justify-end gap-2">
          <div role="group" aria-label={t("settings")} className="flex items-center gap-2">
            <LanguageSwitcher locale={locale} labels={languageLabels} />
            <ThemeToggle initial={theme} labels={themeLabels} />
          </div>
          <NotificationBell />
          <div data-testid="wallet-slot">{walletSlot}</div>
        </div>
      </div>
    </header>
  );
}
