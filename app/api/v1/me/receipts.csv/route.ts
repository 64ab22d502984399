import { callerFromRequest, requireCaller } from "@/lib/auth/server/caller";
import { buyerReceipts } from "@/lib/dashboards/server/receipts";
import { receiptsCsv } from "@/lib/dashboards/server/receipts-csv";
import { handle } from "@/lib/core/server/api-error";
import { tokenInfo } from "@/lib/chain/server/token-info";

/** The signed-in buyer's receipts as a CSV download (401 when signed out); only their own orders. */
export const GET = handle(async (request: Request) => {
  const caller = requireCaller(await callerFromRequest(request));
  // Without the chain the amounts stay exact, in base units, rather than divided by a guessed number of decimals.
  const [receipts, info] = await Promise.all([buyerReceipts(caller.userId), tokenInfo()]);
  const token = info.available ? info : { decimals: 0, symbol: "base units" };
  const day = new Date().toISOString().slice(0, 10);
  return new Response(receiptsCsv(receipts, token), {
    headers: {
      "content-type": "text/csv; charset=utf-8; header=present",
      "content-disposition": `attachment; filename="idlegrid-receipts-${day}.csv"`,
      "cache-control": "no-store",
    },
  });
});
