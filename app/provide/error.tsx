"use client";

import { PageError } from "@/components/i18n/page-error";

export default function ProvideError({ reset }: { error: Error; reset: () => void }) {
  return <PageError what="provide" reset={reset} />;
}
