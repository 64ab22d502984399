"use client";

import { PageError } from "@/components/i18n/page-error";

/** Any page without an error boundary of its own (orders, dashboards, listings, account, ...): its words, not Next's English default. */
export default function RootError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <PageError what="page" reset={reset} />;
}
