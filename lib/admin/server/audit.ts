import "server-only";
/**
 * The audit log. `writeAudit` takes the transaction client of the action it records, so the row and the
 * change commit together or not at all; there is deliberately no variant that writes outside a transaction.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Caller } from "@/lib/auth/server/caller";
import { db } from "@/lib/core/server/db";
import type { AuditAction, AuditFilter } from "@/lib/admin/schema";

export type Tx = Prisma.TransactionClient;
export type AuditTargetType = "LISTING" | "USER" | "REPORT" | "ORDER";

export interface AuditEntry {
  admin: Pick<Caller, "userId" | "address">;
  action: AuditAction;
  targetType: AuditTargetType;
  targetId: string;
  reason?: string | null;
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
}

/** JSON-safe copy of a row: Decimals and bigints become strings, dates ISO strings. */
export function auditJson(value: unknown): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? v.toString() : v))) as Prisma.InputJsonValue;
}

export async function writeAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      adminId: entry.admin.userId,
      adminAddress: entry.admin.address,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      reason: entry.reason ?? null,
      before: entry.before ?? undefined,
      after: entry.after ?? undefined,
    },
  });
}

export const AUDIT_PAGE_SIZE = 50;

function auditWhere(filter: AuditFilter): Prisma.AuditLogWhereInput {
  const where: Prisma.AuditLogWhereInput = {};
  if (filter.admin) where.adminAddress = { startsWith: filter.admin, mode: "insensitive" };
  if (filter.action) where.action = filter.action;
  if (filter.from || filter.to) {
    where.createdAt = {
      ...(filter.from ? { gte: new Date(`${filter.from}T00:00:00Z`) } : {}),
      // "to" is inclusive: the whole day, in UTC like the dates shown.
      ...(filter.to ? { lt: new Date(new Date(`${filter.to}T00:00:00Z`).getTime() + 86_400_000) } : {}),
    };
  }
  return where;
}

const auditSelect = {
  id: true,
  adminAddress: true,
  action: true,
  targetType: true,
  targetId: true,
  reason: true,
  before: true,
  after: true,
  createdAt: true,
} as const;

/** Newest first, keyset-paged by id within equal timestamps. */
export async function listAudit(filter: AuditFilter) {
  const rows = await db.auditLog.findMany({
    where: auditWhere(filter),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: AUDIT_PAGE_SIZE + 1,
    ...(filter.cursor ? { cursor: { id: filter.cursor }, skip: 1 } : {}),
    select: auditSelect,
  });
  const hasMore = rows.length > AUDIT_PAGE_SIZE;
  const items = rows.slice(0, AUDIT_PAGE_SIZE);
  return { items, nextCursor: hasMore ? (items.at(-1)?.id ?? null) : null };
}

/** Every matching row for the CSV export, in pages so memory stays flat. */
export async function* allAudit(filter: AuditFilter) {
  let cursor: string | undefined;
  for (;;) {
    const rows = await db.auditLog.findMany({
      where: auditWhere(filter),
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 500,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      select: auditSelect,
    });
    yield* rows;
    if (rows.length < 500) return;
    cursor = rows.at(-1)?.id;
  }
}

/** RFC 4180 field quoting; a leading =, +, - or @ is prefixed with ' so spreadsheets never run it as a formula. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export const AUDIT_CSV_HEADER = ["time", "admin", "action", "target_type", "target_id", "reason", "before", "after"];

export function auditCsvLine(row: {
  createdAt: Date;
  adminAddress: string;
  action: string;
  targetType: string;
  targetId: string;
  reason: string | null;
  before: unknown;
  after: unknown;
}): string {
  return [
    row.createdAt.toISOString(),
    row.adminAddress,
    row.action,
    row.targetType,
    row.targetId,
    row.reason ?? "",
    row.before == null ? "" : JSON.stringify(row.before),
    row.after == null ? "" : JSON.stringify(row.after),
  ]
    .map(csvField)
    .join(",");
}
