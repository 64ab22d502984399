import { NextResponse } from "next/server";
import { callerFromRequest, requireCaller } from "@/lib/auth/server/caller";
import { handle } from "@/lib/core/server/api-error";
import { listDeliveries } from "@/lib/webhooks/server/endpoints";

/** The endpoint's delivery log: its newest 50 deliveries, each with its latest attempts. */
export const GET = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const caller = requireCaller(await callerFromRequest(request));
  return NextResponse.json(
    { deliveries: await listDeliveries(caller.userId, (await params).id) },
    { headers: { "cache-control": "no-store" } },
  );
});
