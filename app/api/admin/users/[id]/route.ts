import { adminFrom } from "@/lib/admin/server/http";
import { applyUserAction, userDetail } from "@/lib/admin/server/users";
import { ApiError, handle } from "@/lib/core/server/api-error";
import { entityId, userActionSchema } from "@/lib/admin/schema";
import { json, parseOr400, readJsonObject } from "@/lib/core/server/http";

type Context = { params: Promise<{ id: string }> };

async function userId(params: Context["params"]): Promise<string> {
  const parsed = entityId.safeParse((await params).id);
  if (!parsed.success) throw new ApiError(404, "not_found", "No user with this id.");
  return parsed.data;
}

/** A user with their listings and the reports by and about them. */
export const GET = handle(async (request: Request, { params }: Context) => {
  await adminFrom(request, { mutating: false });
  const user = await userDetail(await userId(params));
  if (!user) throw new ApiError(404, "not_found", "No user with this id.");
  return json(user);
});

/**
 * `{ action: "ban", reason }`, `{ action: "unban" }`, `{ action: "grant_admin" }`, `{ action: "revoke_admin" }`.
 * A ban ends the user's sessions in the same transaction. Configured admins cannot be banned or demoted (409).
 */
export const POST = handle(async (request: Request, { params }: Context) => {
  const admin = await adminFrom(request, { mutating: true });
  const id = await userId(params);
  const change = parseOr400(userActionSchema, await readJsonObject(request));
  const user = await applyUserAction(admin, id, change);
  return json({ id: user.id, banned: user.banned, roles: user.roles });
});
