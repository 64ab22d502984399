/**
 * The listing state machine, pure so the UI ("next action"), the server and the tests share it.
 *
 *   DRAFT --submit--> PENDING_REVIEW --approve(admin)--> LIVE <--resume-- PAUSED
 *     ^                 |  |                               |  --pause-->
 *     +----withdraw-----+  +--reject(admin)--> REJECTED --submit--> PENDING_REVIEW
 *   LIVE/PAUSED --suspend(admin)--> SUSPENDED;  anything but ARCHIVED --archive--> ARCHIVED (final)
 *
 * Editing hardware of a LIVE or PAUSED listing moves it to PENDING_REVIEW (see mutations.ts).
 */
import type { ListingStatus } from "@/lib/generated/prisma/enums";
import type { ListingAction } from "@/lib/listings/schema";

export interface Transition {
  from: readonly ListingStatus[];
  to: ListingStatus;
  by: "owner" | "admin";
}

export const transitions: Record<ListingAction, Transition> = {
  submit: { from: ["DRAFT", "REJECTED"], to: "PENDING_REVIEW", by: "owner" },
  withdraw: { from: ["PENDING_REVIEW"], to: "DRAFT", by: "owner" },
  pause: { from: ["LIVE"], to: "PAUSED", by: "owner" },
  resume: { from: ["PAUSED"], to: "LIVE", by: "owner" },
  archive: { from: ["DRAFT", "PENDING_REVIEW", "LIVE", "PAUSED", "REJECTED", "SUSPENDED"], to: "ARCHIVED", by: "owner" },
  approve: { from: ["PENDING_REVIEW"], to: "LIVE", by: "admin" },
  reject: { from: ["PENDING_REVIEW"], to: "REJECTED", by: "admin" },
  suspend: { from: ["LIVE", "PAUSED"], to: "SUSPENDED", by: "admin" },
};

export function nextStatus(status: ListingStatus, action: ListingAction): ListingStatus | null {
  const t = transitions[action];
  return t.from.includes(status) ? t.to : null;
}

/** Owner actions available from a status, most useful first (the first is "the next action"). */
export function ownerActionsFor(status: ListingStatus): ListingAction[] {
  const order: ListingAction[] = ["submit", "resume", "pause", "withdraw", "archive"];
  return order.filter((a) => transitions[a].by === "owner" && transitions[a].from.includes(status));
}

/** Hardware can be edited unless the listing is archived or suspended by an admin. */
export function isEditable(status: ListingStatus): boolean {
  return status !== "ARCHIVED" && status !== "SUSPENDED";
}
