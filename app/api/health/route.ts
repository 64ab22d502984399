import { NextResponse } from "next/server";
import { cachedHealth } from "@/lib/health/server/health";

export const dynamic = "force-dynamic";

/**
 * Liveness for people and load balancers: 200 when the database, chain and token answer, 503 naming what
 * failed (database, chain, token or escrow, each with its error). Answers are reused for 1.5 s.
 */
export async function GET() {
  const health = await cachedHealth();
  return NextResponse.json(health, { status: health.ok ? 200 : 503, headers: { "cache-control": "no-store" } });
}
