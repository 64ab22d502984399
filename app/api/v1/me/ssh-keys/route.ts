import { NextResponse } from "next/server";
import { callerFromRequest, requireCaller } from "@/lib/auth/server/caller";
import { assertSameOrigin, handle } from "@/lib/core/server/api-error";
import { addSshKey, listSshKeys } from "@/lib/account/server/ssh-keys";
import { createSshKeySchema } from "@/lib/account/ssh-key";
import { parseOr400, readJsonObject } from "@/lib/core/server/http";

/** The signed-in user's saved SSH public keys, oldest first. */
export const GET = handle(async (request: Request) => {
  const caller = requireCaller(await callerFromRequest(request));
  return NextResponse.json({ keys: await listSshKeys(caller.userId) }, { headers: { "cache-control": "no-store" } });
});

/** Saves `{ label, publicKey }` for the signed-in user; the key's structure is checked, duplicates refused. */
export const POST = handle(async (request: Request) => {
  assertSameOrigin(request);
  const caller = requireCaller(await callerFromRequest(request));
  const input = parseOr400(createSshKeySchema, await readJsonObject(request));
  return NextResponse.json(await addSshKey(caller.userId, input), { status: 201 });
});
