"use client";

export default function MarketplaceError({ reset }: { error: Error; reset: () => void }) {
  return (
    <div role="alert" className="space-y-3">
      <h1 className="text-2xl font-semibold">The marketplace could not load</h1>
      <p className="text-slate-600 dark:text-slate-300">Something went wrong on our side. Try again in a moment.</p>
      <button type="button" onClick={reset} className="rounded-md border px-3 py-1.5 text-sm">
        Try again
      </button>
    </div>
  );
}
