/** Listing statuses and the owner/admin actions on them (lib/listings/lifecycle), by enum value. */
export const listingStatusEn = {
  DRAFT: "Draft",
  PENDING_REVIEW: "In review",
  LIVE: "Live",
  PAUSED: "Paused",
  REJECTED: "Rejected",
  SUSPENDED: "Suspended",
  ARCHIVED: "Archived",
  "action.submit": "Submit for review",
  "action.withdraw": "Withdraw from review",
  "action.pause": "Pause",
  "action.resume": "Resume",
  "action.archive": "Archive",
  "action.approve": "Approve",
  "action.reject": "Reject",
  "action.suspend": "Suspend",
};
