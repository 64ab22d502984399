/**
 * Schemas for the admin console and for reports: shared by the admin route handlers, the
 * client forms that call them, and the public POST /api/v1/reports.
 */
import { z } from "zod";

/** Listing ids are cuids (or short test ids), like lib/listings/server/queries.ts's listingIdPattern. */
export const entityId = z.string({ error: "An id is required" }).regex(/^[A-Za-z0-9_-]{1,64}$/, "Not a valid id");

const reasonText = (label: string) =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .min(3, `${label} needs at least 3 characters`)
    .max(500, `${label} must be at most 500 characters`);

const optionalText = z
  .string()
  .trim()
  .max(500, "Must be at most 500 characters")
  .optional()
  .transform((v) => (v ? v : undefined));

export const moderationActions = ["approve", "reject", "suspend", "reinstate"] as const;
export type ModerationAction = (typeof moderationActions)[number];

/** Approve/reinstate need no reason; reject and suspend do (the provider is shown it). Several ids at once, all or nothing. */
export const moderationSchema = z.discriminatedUnion(
  "action",
  [
    z.object({
      action: z.enum(["approve", "reinstate"]),
      ids: z.array(entityId).min(1, "Select at least one listing").max(100),
      reason: optionalText,
    }),
    z.object({
      action: z.enum(["reject", "suspend"]),
      ids: z.array(entityId).min(1, "Select at least one listing").max(100),
      reason: reasonText("Reason"),
    }),
  ],
  { error: `action must be one of ${moderationActions.join(", ")}` },
);
export type ModerationInput = z.output<typeof moderationSchema>;

export const userActionSchema = z.discriminatedUnion(
  "action",
  [
    z.object({ action: z.literal("ban"), reason: reasonText("Reason") }),
    z.object({ action: z.enum(["unban", "grant_admin", "revoke_admin"]), reason: optionalText }),
  ],
  { error: "action must be one of ban, unban, grant_admin, revoke_admin" },
);
export type UserAction = z.output<typeof userActionSchema>;

export const reportTargetTypes = ["LISTING", "USER"] as const;
export const reportCategories = ["FRAUD", "MISLEADING", "ABUSE", "SPAM", "OTHER"] as const;

/** A user's report. A USER target is named by its id (from the listing page) or its address. */
export const createReportSchema = z.object({
  targetType: z.enum(reportTargetTypes, { error: "targetType must be LISTING or USER" }),
  targetId: z.string({ error: "targetId is required" }).trim().min(1, "targetId is required").max(64, "targetId is too long"),
  category: z.enum(reportCategories, { error: "Choose a category" }),
  note: z
    .string({ error: "Describe the problem" })
    .trim()
    .min(10, "Describe the problem in at least 10 characters")
    .max(1000, "Keep the note under 1,000 characters"),
});
export type CreateReportInput = z.output<typeof createReportSchema>;

/** Resolves every open report about one target: dismiss, or act on the target in the same transaction. */
export const resolveReportsSchema = z
  .object({
    targetType: z.enum(reportTargetTypes, { error: "targetType must be LISTING or USER" }),
    targetId: entityId,
    resolution: z.enum(["dismiss", "suspend_listing", "ban_user"], { error: "resolution must be dismiss, suspend_listing or ban_user" }),
    note: reasonText("Note"),
  })
  .superRefine((value, ctx) => {
    if (value.resolution === "suspend_listing" && value.targetType !== "LISTING") {
      ctx.addIssue({ code: "custom", path: ["resolution"], message: "Only a listing can be suspended" });
    }
    if (value.resolution === "ban_user" && value.targetType !== "USER") {
      ctx.addIssue({ code: "custom", path: ["resolution"], message: "Only a user can be banned" });
    }
  });
export type ResolveReportsInput = z.output<typeof resolveReportsSchema>;

const dateParam = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-11-22")
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), "Not a real date")
  .optional();

/** Audit log filters from the URL; empty strings (an untouched form field) mean "any". */
export const auditFilterSchema = z.object({
  admin: z
    .string()
    .trim()
    .regex(/^0x[0-9a-fA-F]{1,40}$/, "Use an address (or its start) like 0x70997970")
    .optional(),
  action: z
    .string()
    .trim()
    .regex(/^[a-z_.]{1,40}$/, "Unknown action")
    .optional(),
  from: dateParam,
  to: dateParam,
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, "Bad cursor")
    .optional(),
});
export type AuditFilter = z.output<typeof auditFilterSchema>;

/** URLSearchParams -> plain object without empty values, for the schemas above. */
export function searchParamsObject(params: URLSearchParams | Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  const entries = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params);
  for (const [key, value] of entries) {
    const v = Array.isArray(value) ? value[0] : value;
    if (typeof v === "string" && v.trim() !== "") out[key] = v;
  }
  return out;
}

/** The actions the audit log records, for its filter menu. */
export const auditActions = [
  "listing.approve",
  "listing.reject",
  "listing.suspend",
  "listing.reinstate",
  "user.ban",
  "user.unban",
  "user.grant_admin",
  "user.revoke_admin",
  "report.dismiss",
  "report.resolve",
  "order.resolve_dispute",
] as const;
export type AuditAction = (typeof auditActions)[number];
