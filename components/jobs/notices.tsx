/**
 * The sentences behind ?notice= on the job pages: actions redirect with a code (never free text, so
 * a crafted link cannot make the page say anything else), and the page shows the words for it.
 */
import { getTranslations } from "@/lib/i18n/server";
import { Alert } from "@/components/ui/alert";

const codes = [
  "published",
  "cancelled",
  "accepted",
  "offered",
  "withdrawn",
  "error-invalid_transition",
  "error-job_not_open",
  "error-job_expired",
  "error-deadline_passed",
  "error-offer_no_longer_matches",
  "error-forbidden",
  "error-not_found",
] as const;
type Code = (typeof codes)[number];
const isCode = (code: string): code is Code => (codes as readonly string[]).includes(code);

/** The words for a code in the visitor's language (lib/i18n/messages, `jobs` namespace `notice.*`). */
export async function noticeText(code: string | undefined): Promise<{ text: string; isError: boolean } | null> {
  if (!code) return null;
  const isError = code.startsWith("error-");
  if (!isCode(code) && !isError) return null;
  const t = await getTranslations("jobs");
  return { text: isCode(code) ? t(`notice.${code}`) : t("notice.error"), isError };
}

export async function Notice({ code }: { code: string | undefined }) {
  const notice = await noticeText(code);
  if (!notice) return null;
  return (
    <Alert tone={notice.isError ? "error" : "success"} data-testid="notice">
      {notice.text}
    </Alert>
  );
}
