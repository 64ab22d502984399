/**
 * The sentences behind ?notice= on the job pages: actions redirect with a code (never free text, so
 * a crafted link cannot make the page say anything else), and the page shows the words here.
 */
const notices: Record<string, string> = {
  published: "The job is published: providers can now make offers.",
  cancelled: "The job is cancelled. Pending offers were declined and their providers told.",
  accepted: "Offer accepted. Pay into escrow to fund the job; the provider starts once the payment is seen on chain.",
  offered: "Your offer is sent. The buyer has been notified.",
  withdrawn: "Your offer is withdrawn.",
  "error-invalid_transition": "That is not possible in the job's current state.",
  "error-job_not_open": "The job no longer takes offers (it was accepted, cancelled or its deadline passed).",
  "error-job_expired": "The offer deadline has passed.",
  "error-deadline_passed": "The offer deadline has passed: edit the job to set a later one before publishing.",
  "error-offer_no_longer_matches": "This offer no longer qualifies (the machine was paused or no longer fits).",
  "error-forbidden": "Only the job's buyer can do that.",
  "error-not_found": "That job or offer no longer exists.",
};

export function noticeText(code: string | undefined): { text: string; isError: boolean } | null {
  if (!code) return null;
  const text = notices[code] ?? (code.startsWith("error-") ? "The action was refused." : null);
  return text ? { text, isError: code.startsWith("error-") } : null;
}

export function Notice({ code }: { code: string | undefined }) {
  const notice = noticeText(code);
  if (!notice) return null;
  return (
    <p
      role={notice.isError ? "alert" : "status"}
      className={`rounded-md px-3 py-2 text-sm ${notice.isError ? "bg-red-50 text-red-800 dark:bg-red-950 dark:text-red-200" : "bg-green-50 text-green-800 dark:bg-green-950 dark:text-green-200"}`}
      data-testid="notice"
    >
      {notice.text}
    </p>
  );
}
