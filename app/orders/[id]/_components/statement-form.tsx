"use client";
/** A party's statement to the arbiter, posted through the same API scripts use. */
import { useRouter } from "next/navigation";
import { useState } from "react";

export function StatementForm({ orderId }: { orderId: string }) {
  const router = useRouter();
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const res = await fetch(`/api/v1/orders/${orderId}/statement`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ body }) });
      if (!res.ok) {
        const json = await res.json().catch(() => ({}));
        setError(json.fieldErrors?.body?.[0] ?? json.message ?? "The statement was not saved.");
        return;
      }
      setBody("");
      router.refresh();
    } catch {
      setError("The statement was not saved: the server could not be reached.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="space-y-2">
      <label htmlFor="statement" className="block text-sm font-medium">
        Your statement to the arbiter
      </label>
      <textarea id="statement" value={body} onChange={(e) => setBody(e.target.value)} rows={4} maxLength={4000} className="w-full rounded-md border border-slate-300 p-2 text-sm dark:border-slate-700" />
      {error ? (
        <p role="alert" className="text-sm text-red-600">
          {error}
        </p>
      ) : null}
      <button type="submit" disabled={busy} className="rounded-lg border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-50 disabled:opacity-50 dark:border-slate-700">
        Post statement
      </button>
    </form>
  );
}
