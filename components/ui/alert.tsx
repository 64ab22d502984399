import type { ComponentProps } from "react";
import { cx } from "@/components/ui/cx";

export type AlertTone = "error" | "warning" | "info" | "success";

const tones: Record<AlertTone, string> = {
  error: "bg-red-50 text-red-800 dark:bg-red-950 dark:text-red-200",
  warning: "bg-amber-50 text-amber-900 dark:bg-amber-950 dark:text-amber-200",
  info: "bg-slate-100 text-slate-800 dark:bg-slate-800 dark:text-slate-100",
  success: "bg-green-50 text-green-800 dark:bg-green-950 dark:text-green-200",
};

/**
 * A message box in the flow of the page. An error is announced at once (role="alert"); the other tones
 * politely (role="status"); pass `role` to change that.
 */
export function Alert({ tone = "info", className, role, ...props }: ComponentProps<"div"> & { tone?: AlertTone }) {
  return (
    <div
      role={role ?? (tone === "error" ? "alert" : "status")}
      className={cx("rounded-md px-3 py-2 text-sm", tones[tone], className)}
      {...props}
    />
  );
}
