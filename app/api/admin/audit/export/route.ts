import { allAudit, AUDIT_CSV_HEADER, auditCsvLine } from "@/lib/admin/server/audit";
import { adminFrom } from "@/lib/admin/server/http";
import { handle } from "@/lib/core/server/api-error";
import { auditFilterSchema, searchParamsObject } from "@/lib/admin/schema";
import { parseOr400 } from "@/lib/core/server/http";

/** The audit log as CSV with the same filters as the page (the cursor is ignored: the export is complete). */
export const GET = handle(async (request: Request) => {
  await adminFrom(request, { mutating: false });
  const { cursor, ...filter } = parseOr400(auditFilterSchema, searchParamsObject(new URL(request.url).searchParams));
  void cursor;
  const encoder = new TextEncoder();
  const rows = allAudit(filter);
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`${AUDIT_CSV_HEADER.join(",")}\r\n`));
    },
    async pull(controller) {
      const next = await rows.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(`${auditCsvLine(next.value)}\r\n`));
    },
  });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="idlegrid-audit-${day}.csv"`,
      "cache-control": "no-store",
    },
  });
});
