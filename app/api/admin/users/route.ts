import { adminFrom, json } from "@/lib/server/admin/http";
import { searchUsers } from "@/lib/server/admin/users";
import { handle } from "@/lib/server/http/api-error";

/** `?q=0x7099` searches addresses (case-insensitive); no q lists the newest users. */
export const GET = handle(async (request: Request) => {
  await adminFrom(request, { mutating: false });
  const q = new URL(request.url).searchParams.get("q") ?? "";
  return json({ items: await searchUsers(q.slice(0, 42)) });
});
