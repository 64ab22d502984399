"use client";

import { AppError } from "@/components/i18n/app-error";
import "./globals.css";

/** The root layout itself failed: this replaces it, so it brings its own document and styles. */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <AppError reset={reset} />;
}
