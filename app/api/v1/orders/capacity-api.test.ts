/**
 * Capacity is never sold twice: parallel order requests race for the machine's row lock on the real
 * database, and a payment that lands after its hold lapsed, with the GPUs taken meanwhile, is marked
 * so the buyer takes it back instead of waiting for a start that cannot come.
 */
import { describe, expect, it } from "vitest";
import { POST as postTransition } from "@/app/api/v1/orders/[id]/[action]/route";
import { POST as postOrder } from "@/app/api/v1/orders/route";
import { db } from "@/lib/core/server/db";
import { signedInHeaders } from "@/test/auth";
import { createMachine, createUser } from "@/test/factories";
import { fundedWallet, indexer, pay, rental } from "@/test/payments";

const base = "http://localhost:3000";
const create = (headers: Headers, body: unknown) =>
  postOrder(new Request(`${base}/api/v1/orders`, { method: "POST", headers, body: JSON.stringify(body) }), { params: Promise.resolve({}) });

describe("rental capacity", () => {
  it("lets exactly one of many parallel buyers take the last GPUs, and tells the others what is free", async () => {
    const provider = await createUser();
    const machine = await createMachine(provider.id, { gpuCount: 2 });
    const buyers = await Promise.all(Array.from({ length: 6 }, () => createUser()));
    const headers = await Promise.all(buyers.map((b) => signedInHeaders(b.id)));
    const answers = await Promise.all(headers.map((h) => create(h, { listingId: machine.id, hours: 3 })));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409]);
    const refused = await answers.find((a) => a.status === 409)!.json();
    expect(refused).toMatchObject({ error: "capacity_taken", fieldErrors: { gpus: ["only 0 free now"] } });
    expect(refused.message).toMatch(/^Only 0 of this machine's 2 GPUs are free now\. It frees up by /);
    expect(await db.order.count({ where: { listingId: machine.id } })).toBe(1);
    expect(await db.machine.findUniqueOrThrow({ where: { id: machine.id }, select: { gpusReserved: true } })).toEqual({ gpusReserved: 2 });
  });

  it("splits a splittable machine until its GPUs run out, and rents an unsplittable one only whole", async () => {
    const provider = await createUser();
    const split = await createMachine(provider.id, { gpuCount: 4, splittable: true });
    const whole = await createMachine(provider.id, { gpuCount: 4 });
    const [a, b, c] = await Promise.all([createUser(), createUser(), createUser()]).then((us) =>
      Promise.all(us.map((u) => signedInHeaders(u.id))),
    );
    expect((await create(a!, { listingId: split.id, hours: 1, gpus: 3 })).status).toBe(201);
    expect((await create(b!, { listingId: split.id, hours: 1, gpus: 2 })).status).toBe(409);
    const one = await create(b!, { listingId: split.id, hours: 1, gpus: 1 });
    expect(one.status).toBe(201);
    expect(await one.json()).toMatchObject({ gpuCount: 1, amount: "400000" });
    const partial = await create(c!, { listingId: whole.id, hours: 1, gpus: 2 });
    expect(partial.status).toBe(400);
    expect(await partial.json()).toMatchObject({ fieldErrors: { gpus: ["must be 4: this machine is rented whole"] } });
  });

  it("frees the GPUs when the hold lapses or the buyer cancels", async () => {
    const provider = await createUser();
    const machine = await createMachine(provider.id, { gpuCount: 1 });
    const [first, second] = await Promise.all([createUser(), createUser()]).then((us) => Promise.all(us.map((u) => signedInHeaders(u.id))));
    const held = await (await create(first!, { listingId: machine.id, hours: 1 })).json();
    expect((await create(second!, { listingId: machine.id, hours: 1 })).status).toBe(409);
    await db.order.update({ where: { id: held.id }, data: { holdExpiresAt: new Date(Date.now() - 1_000) } });
    const next = await create(second!, { listingId: machine.id, hours: 1 });
    expect(next.status).toBe(201);
    const nextOrder = await next.json();
    const cancel = await postTransition(
      new Request(`${base}/api/v1/orders/${nextOrder.id}/cancel`, { method: "POST", headers: second!, body: "{}" }),
      { params: Promise.resolve({ id: nextOrder.id, action: "cancel" }) },
    );
    expect(cancel.status).toBe(200);
    expect(await db.machine.findUniqueOrThrow({ where: { id: machine.id }, select: { gpusReserved: true, reservedUntil: true } })).toEqual({
      gpusReserved: 0,
      reservedUntil: null,
    });
  });

  it("marks a payment that arrived after its hold lapsed, with the GPUs gone, as unable to start", async () => {
    const r = await rental({ gpuCount: 1 });
    const late = await (await create(await signedInHeaders(r.buyer.id), { listingId: r.machine.id, hours: 1 })).json();
    await db.order.update({ where: { id: late.id }, data: { holdExpiresAt: new Date(Date.now() - 60_000) } });
    const other = await createUser({ address: (await fundedWallet()).account.address });
    expect((await create(await signedInHeaders(other.id), { listingId: r.machine.id, hours: 1 })).status).toBe(201);

    const row = await db.order.findUniqueOrThrow({ where: { id: late.id } });
    await pay(r.buyerWallet, row);
    await indexer().catchUp();
    expect(await db.order.findUniqueOrThrow({ where: { id: late.id }, select: { status: true, capacityLost: true } })).toEqual({
      status: "FUNDED",
      capacityLost: true,
    });
    // It holds nothing: the machine's one GPU is the other buyer's.
    expect(await db.machine.findUniqueOrThrow({ where: { id: r.machine.id }, select: { gpusReserved: true } })).toEqual({
      gpusReserved: 1,
    });
  });
});
