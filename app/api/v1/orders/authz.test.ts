/** Who may create, read and act on orders: the buyer persona buys from the owner persona's listing. */
import { POST as postTransition } from "@/app/api/v1/orders/[id]/[action]/route";
import { GET as getOrder } from "@/app/api/v1/orders/[id]/route";
import { POST as postOrder } from "@/app/api/v1/orders/route";
import { db } from "@/lib/core/server/db";
import { createOrder } from "@/lib/orders/server/create";
import { authzRow, describeAuthzMatrix, type AuthzWorld } from "@/test/authz-matrix";
import { createMachine } from "@/test/factories";
import { callerFor } from "@/test/payments";

const base = "http://localhost:3000";

/** An order of world.buyer on world.owner's listing, already FUNDED (as the indexer would set it). */
async function fundedOrder(world: AuthzWorld) {
  const machine = await createMachine(world.owner.id);
  const id = await createOrder(callerFor(world.buyer), { listingId: machine.id, hours: 2 });
  await db.order.update({ where: { id }, data: { status: "FUNDED" } });
  return id;
}

const transition = (action: string, body: unknown) => (headers: Headers, id: string) =>
  postTransition(new Request(`${base}/api/v1/orders/${id}/${action}`, { method: "POST", headers, body: JSON.stringify(body) }), {
    params: Promise.resolve({ id, action }),
  });

describeAuthzMatrix("orders", [
  authzRow({
    name: "POST /api/v1/orders",
    arrange: (world) => createMachine(world.owner.id),
    act: (headers, machine) =>
      postOrder(
        new Request(`${base}/api/v1/orders`, { method: "POST", headers, body: JSON.stringify({ listingId: machine.id, hours: 2 }) }),
        { params: Promise.resolve({}) },
      ),
    expect: { anonymous: 401, banned: 401, buyer: 201, owner: 403, otherProvider: 201, admin: 201 },
  }),
  authzRow({
    name: "GET /api/v1/orders/[id]",
    arrange: fundedOrder,
    act: (headers, id) => getOrder(new Request(`${base}/api/v1/orders/${id}`, { headers }), { params: Promise.resolve({ id }) }),
    expect: { anonymous: 401, banned: 401, buyer: 200, owner: 200, otherProvider: 404, admin: 200 },
    mutating: false,
  }),
  authzRow({
    name: "POST /api/v1/orders/[id]/start",
    arrange: fundedOrder,
    act: transition("start", { host: "10.0.0.7", port: 22, user: "root" }),
    expect: { anonymous: 401, banned: 401, buyer: 403, owner: 200, otherProvider: 404, admin: 403 },
  }),
  authzRow({
    name: "POST /api/v1/orders/[id]/release",
    arrange: fundedOrder,
    act: transition("release", {}),
    expect: { anonymous: 401, banned: 401, buyer: 200, owner: 409, otherProvider: 404, admin: 403 },
  }),
  authzRow({
    name: "POST /api/v1/orders/[id]/refund",
    arrange: fundedOrder,
    act: transition("refund", {}),
    expect: { anonymous: 401, banned: 401, buyer: 409, owner: 200, otherProvider: 404, admin: 403 },
  }),
]);
