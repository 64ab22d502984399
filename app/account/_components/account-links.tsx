import Link from "next/link";
import { cx } from "@/components/ui/cx";

type Section = "account" | "apiKeys" | "webhooks";

const hrefs: Record<Section, string> = { account: "/account", apiKeys: "/account/api-keys", webhooks: "/account/webhooks" };

/** The account area's sections: the wallet and SSH keys, API keys, webhooks. */
export function AccountLinks({ current, labels }: { current: Section; labels: Record<Section, string> }) {
  return (
    <nav aria-label={labels.account} className="flex flex-wrap gap-4 border-b border-slate-200 pb-2 text-sm dark:border-slate-800">
      {(Object.keys(hrefs) as Section[]).map((section) => (
        <Link
          key={section}
          href={hrefs[section]}
          aria-current={section === current ? "page" : undefined}
          className={cx("hover:underline", section === current ? "font-semibold" : "text-slate-600 dark:text-slate-300")}
          data-testid={`account-link-${section}`}
        >
          {labels[section]}
        </Link>
      ))}
    </nav>
  );
}
