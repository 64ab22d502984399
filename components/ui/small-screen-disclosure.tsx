/**
 * Content shown as is from a breakpoint up and folded behind a full-width button below it, so on a phone
 * the results, not the filters, fill the first screen. A native <details>: it opens and closes without
 * JavaScript and is announced as expandable. From the breakpoint the summary is hidden and the content
 * forced visible through ::details-content (a closed <details> hides it with content-visibility and display),
 * whether or not the element is open: no script, so no shift when a wide page hydrates.
 */
import type { ReactNode } from "react";
import { buttonClass } from "@/components/ui/button";
import { cx } from "@/components/ui/cx";

// Whole class names, so Tailwind finds them in this file.
const from = {
  sm: { details: "sm:details-content:block sm:details-content:[content-visibility:visible]", summary: "sm:hidden", body: "mt-3 sm:mt-0" },
  lg: { details: "lg:details-content:block lg:details-content:[content-visibility:visible]", summary: "lg:hidden", body: "mt-3 lg:mt-0" },
} as const;

export function SmallScreenDisclosure({
  summary,
  breakpoint,
  defaultOpen = false,
  children,
}: {
  summary: ReactNode;
  /** From this width up the content is always shown: where the page has room for it beside or above the results. */
  breakpoint: keyof typeof from;
  /** Open on a phone too, e.g. when a field inside has an error to show. */
  defaultOpen?: boolean;
  children: ReactNode;
}) {
  const at = from[breakpoint];
  return (
    <details open={defaultOpen} className={cx("group", at.details)} data-testid="small-screen-disclosure">
      <summary
        className={buttonClass({
          variant: "secondary",
          className: cx("w-full cursor-pointer list-none [&::-webkit-details-marker]:hidden", at.summary),
        })}
      >
        {summary}
        <svg aria-hidden viewBox="0 0 20 20" className="ml-auto size-4 transition-transform group-open:rotate-180" fill="currentColor">
          <path
            fillRule="evenodd"
            d="M5.2 7.2a.75.75 0 0 1 1.06 0L10 10.94l3.74-3.74a.75.75 0 1 1 1.06 1.06l-4.27 4.27a.75.75 0 0 1-1.06 0L5.2 8.26a.75.75 0 0 1 0-1.06Z"
            clipRule="evenodd"
          />
        </svg>
      </summary>
      <div className={at.body}>{children}</div>
    </details>
  );
}
