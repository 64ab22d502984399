/**
 * Disputes, end to end on the test anvil: the buyer pays, the provider starts, the buyer disputes; both
 * parties post statements; the admin sees the dispute with its on-chain state, records a 70% split
 * (audited) and sends the returned resolveDispute from Ada's wallet (ARBITER_ROLE, granted by
 * deployLocal); the order turns RESOLVED only once the indexer reads the event.
 */
import { createWalletClient, http, type Address, type Hex } from "viem";
import { foundry } from "viem/chains";
import { describe, expect, it } from "vitest";
import { POST as resolvePost } from "@/app/api/admin/disputes/[id]/resolve/route";
import { GET as disputesGet } from "@/app/api/admin/disputes/route";
import { POST as statementPost } from "@/app/api/v1/orders/[id]/statement/route";
import { demoAccount } from "@/dev/dev-accounts";
import { db } from "@/lib/core/server/db";
import { createOrder } from "@/lib/orders/server/create";
import { appUrl, signedInHeaders } from "@/test/auth";
import { authzRow, describeAuthzMatrix, type AuthzWorld } from "@/test/authz-matrix";
import { createMachine, createUser } from "@/test/factories";
import { callerFor, escrowWrite, indexer, mined, order, pay, rental, statusOf } from "@/test/payments";
import { baseUnitsOf } from "@/lib/core/money";

const url = (path: string) => `${appUrl.origin}${path}`;
const idParams = (id: string) => ({ params: Promise.resolve({ id }) });
const statement = (headers: Headers, id: string, body: unknown) =>
  statementPost(new Request(url(`/api/v1/orders/${id}/statement`), { method: "POST", headers, body: JSON.stringify(body) }), idParams(id));
const resolve = (headers: Headers, id: string, body: unknown) =>
  resolvePost(new Request(url(`/api/admin/disputes/${id}/resolve`), { method: "POST", headers, body: JSON.stringify(body) }), idParams(id));

/** world.buyer's order on world.owner's listing, marked DISPUTED as the indexer would. */
async function disputedOrder(world: AuthzWorld) {
  const machine = await createMachine(world.owner.id);
  const id = await createOrder(callerFor(world.buyer), { listingId: machine.id, hours: 2 });
  await db.order.update({ where: { id }, data: { status: "DISPUTED" } });
  return id;
}

describeAuthzMatrix("disputes", [
  authzRow({
    name: "GET /api/admin/disputes",
    act: (h) => disputesGet(new Request(url("/api/admin/disputes"), { headers: h }), undefined),
    expect: { anonymous: 401, banned: 401, buyer: 403, owner: 403, otherProvider: 403, admin: 200 },
    mutating: false,
  }),
  authzRow({
    name: "POST /api/admin/disputes/[id]/resolve",
    arrange: disputedOrder,
    act: (h, id) => resolve(h, id, { providerBps: 5_000 }),
    expect: { anonymous: 401, banned: 401, buyer: 403, owner: 403, otherProvider: 403, admin: 200 },
  }),
  authzRow({
    name: "POST /api/v1/orders/[id]/statement",
    arrange: disputedOrder,
    act: (h, id) => statement(h, id, { body: "The machine never answered on port 22." }),
    // Only the two parties speak; an admin is told so, a stranger learns nothing about the order.
    expect: { anonymous: 401, banned: 401, buyer: 201, owner: 201, otherProvider: 404, admin: 403 },
  }),
]);

describe("dispute statements", () => {
  it("are refused while the order is not disputed, and must say something", async () => {
    const buyer = await createUser();
    const owner = await createUser();
    const machine = await createMachine(owner.id);
    const id = await createOrder(callerFor(buyer), { listingId: machine.id, hours: 1 });
    const headers = await signedInHeaders(buyer.id);
    expect((await statement(headers, id, { body: "Not disputed yet, but angry." })).status).toBe(409);
    await db.order.update({ where: { id }, data: { status: "DISPUTED" } });
    const short = await statement(headers, id, { body: "  bad " });
    expect(short.status).toBe(400);
    expect((await short.json()).fieldErrors.body).toBeDefined();
    expect(await db.disputeStatement.count({ where: { orderId: id } })).toBe(0);
  });
});

describe("resolving a dispute", () => {
  it("audits only an open dispute: a settled order gets 409 and no audit row", async () => {
    const admin = await createUser({ roles: ["ADMIN"] });
    const buyer = await createUser();
    const owner = await createUser();
    const machine = await createMachine(owner.id);
    const id = await createOrder(callerFor(buyer), { listingId: machine.id, hours: 1 });
    await db.order.update({ where: { id }, data: { status: "PAID" } });
    const headers = await signedInHeaders(admin.id);
    expect((await resolve(headers, id, { providerBps: 10_001 })).status).toBe(400);
    expect((await resolve(headers, id, { providerBps: 5_000 })).status).toBe(409);
    expect(await db.auditLog.count({ where: { targetId: id } })).toBe(0);
  });

  it("shows the dispute with statements and chain state, and records the split the indexer reads", async () => {
    const r = await rental();
    const o = await order(r, 2);
    await pay(r.buyerWallet, o);
    await escrowWrite(r.providerWallet, "markStarted", o.escrowId);
    await escrowWrite(r.buyerWallet, "openDispute", o.escrowId);
    await indexer().catchUp();
    expect(await statusOf(o.id)).toBe("DISPUTED");

    expect((await statement(await signedInHeaders(r.buyer.id), o.id, { body: "Never got SSH access to the box." })).status).toBe(201);
    expect(
      (await statement(await signedInHeaders(r.provider.id), o.id, { body: "Access was sent; the buyer used the wrong key." })).status,
    ).toBe(201);

    const admin = await createUser({ roles: ["ADMIN"] });
    const headers = await signedInHeaders(admin.id);
    const list = await (await disputesGet(new Request(url("/api/admin/disputes"), { headers }), undefined)).json();
    const mine = list.disputes.find((d: { id: string }) => d.id === o.id);
    expect(mine.chain).toMatchObject({ status: "Disputed", amount: o.amount.toFixed(0), feeBps: 250 });
    expect(mine.statements.map((s: { side: string }) => s.side)).toEqual(["buyer", "provider"]);
    expect(mine.timeline.map((t: { label: string }) => t.label.split(" ")[0])).toEqual([
      "Order",
      "EscrowOpened",
      "RentalOpened",
      "EscrowStarted",
      "EscrowDisputed",
    ]);

    const res = await resolve(headers, o.id, { providerBps: 7_000 });
    expect(res.status).toBe(200);
    const { transaction } = (await res.json()) as { transaction: { to: Address; data: Hex } };
    const audit = await db.auditLog.findFirstOrThrow({ where: { targetId: o.id } });
    expect(audit).toMatchObject({ action: "order.resolve_dispute", targetType: "ORDER", adminId: admin.id });
    expect(audit.after).toMatchObject({ intendedProviderBps: 7_000 });
    // Recorded, not yet resolved: only the chain can do that.
    expect(await statusOf(o.id)).toBe("DISPUTED");

    // Ada's key is one of anvil's unlocked accounts: anvil assigns the nonce, so parallel test files cannot collide.
    const ada = createWalletClient({ chain: foundry, transport: http(process.env.RPC_URL), account: demoAccount(1).address });
    await mined(await ada.sendTransaction({ to: transaction.to, data: transaction.data }));
    await indexer().catchUp();
    expect(await statusOf(o.id)).toBe("RESOLVED");
    const event = await db.chainEvent.findFirstOrThrow({ where: { orderId: o.id, eventName: "DisputeResolved" } });
    const amount = baseUnitsOf(o.amount);
    const providerGross = (amount * 7_000n) / 10_000n;
    const fee = (providerGross * 250n) / 10_000n;
    expect(event.args).toMatchObject({
      providerBps: 7_000,
      buyerAmount: (amount - providerGross).toString(),
      providerAmount: (providerGross - fee).toString(),
      fee: fee.toString(),
    });
  });
});
