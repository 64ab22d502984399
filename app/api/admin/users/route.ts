import { adminFrom } from "@/lib/admin/server/http";
import { searchUsers } from "@/lib/admin/server/users";
import { handle } from "@/lib/core/server/api-error";
import { json } from "@/lib/core/server/http";

/** `?q=0x7099` searches addresses (case-insensitive); no q lists the newest users. */
export const GET = handle(async (request: Request) => {
  await adminFrom(request, { mutating: false });
  const q = new URL(request.url).searchParams.get("q") ?? "";
  return json({ items: await searchUsers(q.slice(0, 42)) });
});
