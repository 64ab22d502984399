/**
 * The data table look: a tinted, upper-case header row and ruled body rows. `numeric` right-aligns a
 * column with tabular figures. Wrap a wide table in `<TableFrame>` so it scrolls sideways on a phone.
 */
import type { ComponentProps } from "react";
import { cx } from "@/components/ui/cx";

export function TableFrame({ className, ...props }: ComponentProps<"div">) {
  return <div className={cx("overflow-x-auto rounded-xl border border-slate-200 dark:border-slate-800", className)} {...props} />;
}

/** `dense` for long rows of small print (the audit log). */
export function Table({ dense, className, ...props }: ComponentProps<"table"> & { dense?: boolean }) {
  return <table className={cx("w-full text-left", dense ? "text-xs" : "text-sm", className)} {...props} />;
}

export function THead({ className, ...props }: ComponentProps<"thead">) {
  return (
    <thead className={cx("bg-slate-50 text-xs text-slate-600 uppercase dark:bg-slate-900 dark:text-slate-400", className)} {...props} />
  );
}

export function TBody({ className, ...props }: ComponentProps<"tbody">) {
  return <tbody className={cx("divide-y divide-slate-100 dark:divide-slate-800", className)} {...props} />;
}

export function Tr(props: ComponentProps<"tr">) {
  return <tr {...props} />;
}

/** A column's header (in THead), or with scope="row" the first cell of a body row, in body type. */
export function Th({ numeric, className, scope = "col", ...props }: ComponentProps<"th"> & { numeric?: boolean }) {
  return (
    <th
      scope={scope}
      className={cx("px-3 py-2", scope === "row" ? "font-normal" : "font-medium", numeric && "text-right", className)}
      {...props}
    />
  );
}

export function Td({ numeric, className, ...props }: ComponentProps<"td"> & { numeric?: boolean }) {
  return <td className={cx("px-3 py-2", numeric && "text-right tabular-nums", className)} {...props} />;
}
