/** Joins class names, skipping the falsy ones: `cx("a", busy && "b")`. Callers add only classes the kit does not set. */
export function cx(...classes: (string | false | null | undefined)[]): string {
  return classes.filter(Boolean).join(" ");
}
