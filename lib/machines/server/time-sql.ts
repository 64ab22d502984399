import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * A JS time as a `timestamp(3)` SQL value. Columns hold UTC without a zone, so the value is passed as
 * UTC text and cast, never as a zoned parameter the session time zone could shift (as earnings.ts does).
 */
export function at(date: Date): Prisma.Sql {
  return Prisma.sql`${date.toISOString().slice(0, 23)}::timestamp(3)`;
}
