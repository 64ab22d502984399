"use client";

import { PageError } from "@/components/i18n/page-error";

export default function AdminError({ reset }: { error: Error; reset: () => void }) {
  return <PageError what="admin" reset={reset} tone="danger" />;
}
