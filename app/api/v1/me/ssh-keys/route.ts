import { NextResponse } from "next/server";
import { callerFromRequest, requireCaller } from "@/lib/server/auth/caller";
import { assertSameOrigin, handle } from "@/lib/server/http/api-error";
import { parseOr400, readJsonObject } from "@/lib/server/listings/http";
import { addSshKey, listSshKeys } from "@/lib/server/ssh-keys";
import { createSshKeySchema } from "@/lib/validations/ssh-key";

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
