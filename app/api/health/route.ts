import { NextResponse } from "next/server";
import { getHealth } from "@/lib/health/server/health";

export const dynamic = "force-dynamic";

/** Liveness for people and load balancers: 200 when the database, chain and token answer, 503 naming what failed. */
export async function GET() {
  const health = await getHealth();
  return NextResponse.json(health, { status: health.ok ? 200 : 503, headers: { "cache-control": "no-store" } });
}
