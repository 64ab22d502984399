/**
 * The chart period from the page's `?range=` search parameter. A missing or unknown value shows
 * the daily view rather than an error: it is a view setting, not input that changes anything.
 */
import { z } from "zod";
import type { Granularity } from "@/lib/dashboards/periods";

const rangeSchema = z.object({ range: z.enum(["day", "month"]).catch("day") });

export function parseRange(searchParams: Record<string, string | string[] | undefined>): Granularity {
  return rangeSchema.parse({ range: searchParams.range }).range;
}
