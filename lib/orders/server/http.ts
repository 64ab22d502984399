import "server-only";
/** Request plumbing shared by the v1 order route handlers. */
import type { Caller } from "@/lib/auth/server/caller";
import { ApiError } from "@/lib/core/server/api-error";
import { loadOrder, orderView, roleIn } from "@/lib/orders/server/view";

/** The order as the caller may see it; "not found" for anyone who is neither party nor admin. */
export async function orderForCaller(id: string, caller: Caller) {
  const order = await loadOrder(id);
  const role = order ? roleIn(order, caller) : null;
  if (!order || !role) throw new ApiError(404, "not_found", "No order with this id.");
  return orderView(order, role);
}
