import type { ComponentProps } from "react";
import { cx } from "@/components/ui/cx";

/** The bordered panel that holds a job, an offer, a queue item or a form. `cardClass()` for an <li>, <article> or <section>. */
export function cardClass(className?: string): string {
  return cx("rounded-xl border border-slate-200 p-4 dark:border-slate-800", className);
}

export function Card({ className, ...props }: ComponentProps<"div">) {
  return <div className={cardClass(className)} {...props} />;
}
