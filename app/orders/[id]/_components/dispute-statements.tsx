/** The dispute's statements on the order page; the parties may add one while it is disputed. */
import { listDisputeStatements } from "@/lib/server/orders/statements";
import { StatementForm } from "./statement-form";

export async function DisputeStatements({ orderId, status, canPost }: { orderId: string; status: string; canPost: boolean }) {
  const statements = await listDisputeStatements(orderId);
  if (statements.length === 0 && status !== "DISPUTED") return null;
  return (
    <section aria-labelledby="statements" className="space-y-3">
      <h2 id="statements" className="font-semibold">
        Dispute statements
      </h2>
      {statements.length === 0 ? <p className="text-sm text-slate-500">No statements yet.</p> : null}
      <ul className="space-y-2 text-sm">
        {statements.map((s) => (
          <li key={s.id} className="border-l-2 border-slate-300 pl-2 dark:border-slate-700" data-testid="order-statement">
            <div className="text-xs text-slate-500">
              {s.side} · {s.createdAt.toISOString().replace("T", " ").slice(0, 16)} UTC
            </div>
            <p className="whitespace-pre-wrap">{s.body}</p>
          </li>
        ))}
      </ul>
      {canPost && status === "DISPUTED" ? <StatementForm orderId={orderId} /> : null}
    </section>
  );
}
