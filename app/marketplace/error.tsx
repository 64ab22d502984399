"use client";

import { PageError } from "@/components/i18n/page-error";

export default function MarketplaceError({ reset }: { error: Error; reset: () => void }) {
  return <PageError what="marketplace" reset={reset} />;
}
