"use client";

import { Button } from "@/components/ui/button";

/** The jobs segment's error boundary: says what failed and offers a retry (the server logged the cause). */
export default function JobsError({ reset }: { error: Error; reset: () => void }) {
  return (
    <div role="alert" className="space-y-3 rounded-md bg-red-50 p-4 text-red-900 dark:bg-red-950 dark:text-red-200">
      <p>The training jobs could not be loaded. Please try again.</p>
      <Button variant="secondary" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
