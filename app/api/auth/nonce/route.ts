import { NextResponse } from "next/server";
import { issueNonce } from "@/lib/auth/server/nonces";
import { clientKey } from "@/lib/core/server/client-address";
import { handle } from "@/lib/core/server/api-error";

export const dynamic = "force-dynamic";

/** A fresh single-use nonce for a Sign-In with Ethereum message; expires after 5 minutes. */
export const GET = handle(async (request: Request) => {
  const { nonce, expiresAt } = await issueNonce(clientKey(request));
  return NextResponse.json({ nonce, expiresAt: expiresAt.toISOString() }, { headers: { "cache-control": "no-store" } });
});
