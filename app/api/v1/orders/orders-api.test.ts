import { decodeFunctionData, erc20Abi, parseSignature, type Address, type Hex } from "viem";
import { describe, expect, it } from "vitest";
import { GET as getContracts } from "@/app/api/v1/contracts/route";
import { POST as postTransition } from "@/app/api/v1/orders/[id]/[action]/route";
import { GET as getOrder } from "@/app/api/v1/orders/[id]/route";
import { POST as postOrder } from "@/app/api/v1/orders/route";
import { POST as postFaucet } from "@/app/api/dev/faucet/route";
import { idlegridEscrowAbi } from "@/lib/chain/generated/IdlegridEscrow";
import { permitTokenAbi } from "@/lib/chain/permit";
import { db } from "@/lib/core/server/db";
import { signedInHeaders, browserHeaders } from "@/test/auth";
import { createUser } from "@/test/factories";
import { chainClient, escrow, indexer, mined, rental, token, type Rental } from "@/test/payments";

const base = "http://localhost:3000";
const create = (headers: Headers, body: unknown) =>
  postOrder(new Request(`${base}/api/v1/orders`, { method: "POST", headers, body: JSON.stringify(body) }), { params: Promise.resolve({}) });
const read = (headers: Headers, id: string) =>
  getOrder(new Request(`${base}/api/v1/orders/${id}`, { headers }), { params: Promise.resolve({ id }) });
const act = (headers: Headers, id: string, action: string, body: unknown = {}) =>
  postTransition(new Request(`${base}/api/v1/orders/${id}/${action}`, { method: "POST", headers, body: JSON.stringify(body) }), {
    params: Promise.resolve({ id, action }),
  });

const sshKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBx4f5r0c4F7Yt2l3c2m9ZsSxE5Yb0c1Y2Vb3nQJm6vW buyer@laptop";

type Tx = { to: `0x${string}`; data: Hex; value: string };

async function sendAll(wallet: Rental["buyerWallet"], txs: Tx[]) {
  for (const tx of txs) await mined(await wallet.sendTransaction({ to: tx.to, data: tx.data, value: BigInt(tx.value) }));
}

describe("v1 orders API", () => {
  it("creates the order with a server-computed amount and the exact transactions that fund it", async () => {
    const r = await rental({ pricePerGpuHour: "1500000", gpuCount: 2 });
    const buyer = await signedInHeaders(r.buyer.id);
    // A client-sent amount is not a parameter at all: the server computes it.
    const res = await create(buyer, { listingId: r.machine.id, hours: 3, sshPublicKey: sshKey, amount: "1" });
    expect(res.status).toBe(201);
    const order = await res.json();
    // A rental is metered: 1.5 per GPU-hour on 2 GPUs is 3,000,000 an hour, floor(3,000,000 / 3600) = 833 a second.
    expect(order).toMatchObject({
      status: "PENDING_PAYMENT",
      kind: "rental",
      ratePerSecond: "833",
      amount: "9000000",
      chainId: 31337,
      tokenAddress: token,
      escrowAddress: escrow,
      hours: 3,
      sshPublicKey: sshKey,
    });
    const [approve, open] = order.transactions as Tx[];
    expect(approve?.to).toBe(token);
    expect(decodeFunctionData({ abi: erc20Abi, data: approve!.data }).args).toEqual([escrow, 9_000_000n]);
    expect(open?.to).toBe(escrow);
    const opened = decodeFunctionData({ abi: idlegridEscrowAbi, data: open!.data });
    expect(opened.functionName).toBe("openRental");
    expect(opened.args).toEqual([
      order.orderId,
      r.provider.address,
      833n,
      9_000_000n,
      BigInt(Math.floor(Date.parse(order.startDeadline) / 1000)),
    ]);

    await sendAll(r.buyerWallet, order.transactions);
    // A hint is stored but proves nothing: still PENDING_PAYMENT until the indexer reads the chain.
    const hint = await act(buyer, order.id, "release", { txHash: `0x${"ab".repeat(32)}` });
    expect(hint.status).toBe(409);
    expect((await (await read(buyer, order.id)).json()).status).toBe("PENDING_PAYMENT");
    await indexer().catchUp();
    const funded = await (await read(buyer, order.id)).json();
    expect(funded).toMatchObject({ status: "FUNDED", transactions: [] });
    expect(funded.chainEvents).toMatchObject([
      { eventName: "EscrowOpened", applied: true },
      { eventName: "RentalOpened", applied: true },
    ]);
  });

  it("offers a permit: the buyer signs it and funds the order with one openRentalWithPermit transaction", async () => {
    const r = await rental();
    const buyer = await signedInHeaders(r.buyer.id);
    const order = await (await create(buyer, { listingId: r.machine.id, hours: 2 })).json();
    const { typedData, openWithPermit } = order.permit;
    expect(typedData).toMatchObject({
      primaryType: "Permit",
      domain: { name: "Idlegrid Test USD", version: "1", chainId: 31337, verifyingContract: token },
    });
    expect(typedData.message).toMatchObject({ owner: r.buyer.address, spender: escrow, value: order.amount, nonce: "0" });
    expect(openWithPermit).toMatchObject({
      to: escrow,
      signature: expect.stringMatching(/^openRentalWithPermit\(/),
      args: { orderId: order.orderId, provider: r.provider.address, ratePerSecond: order.ratePerSecond, amount: order.amount },
    });

    // A real EIP-712 signature from the buyer's key, with no approve sent before it.
    const m = typedData.message;
    const signature = await r.buyerWallet.account.signTypedData({
      ...typedData,
      message: { ...m, value: BigInt(m.value), nonce: BigInt(m.nonce), deadline: BigInt(m.deadline) },
    });
    const { v, r: sigR, s } = parseSignature(signature);
    const a = openWithPermit.args;
    await mined(
      await r.buyerWallet.writeContract({
        address: openWithPermit.to as Address,
        abi: idlegridEscrowAbi,
        functionName: "openRentalWithPermit",
        args: [
          a.orderId,
          a.provider,
          BigInt(a.ratePerSecond),
          BigInt(a.amount),
          BigInt(a.startDeadline),
          BigInt(a.permitDeadline),
          Number(v),
          sigR,
          s,
        ],
      }),
    );
    await indexer().catchUp();
    const funded = await (await read(buyer, order.id)).json();
    expect(funded).toMatchObject({
      status: "FUNDED",
      chainEvents: [
        { eventName: "EscrowOpened", applied: true },
        { eventName: "RentalOpened", applied: true },
      ],
    });
    // The permit was used, so a second signature of the same message would not be replayable.
    expect(
      await chainClient.readContract({ address: token, abi: permitTokenAbi, functionName: "nonces", args: [r.buyer.address as Address] }),
    ).toBe(1n);
  });

  it("answers bad input with 400 and the field, and refuses what the buyer may not rent", async () => {
    const r = await rental();
    await db.machine.update({ where: { id: r.machine.id }, data: { minHours: 2, maxHours: 10 } });
    const buyer = await signedInHeaders(r.buyer.id);
    const cases: [unknown, string][] = [
      [{ listingId: r.machine.id, hours: 1.5 }, "hours"],
      [{ listingId: r.machine.id, hours: "3" }, "hours"],
      [{ hours: 3 }, "listingId"],
      [{ listingId: r.machine.id, hours: 3, sshPublicKey: "-----BEGIN OPENSSH PRIVATE KEY-----" }, "sshPublicKey"],
      [{ listingId: r.machine.id, hours: 1 }, "hours"],
      [{ listingId: r.machine.id, hours: 11 }, "hours"],
    ];
    for (const [body, field] of cases) {
      const res = await create(buyer, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(Object.keys((await res.json()).fieldErrors)).toContain(field);
    }
    const notJson = await postOrder(new Request(`${base}/api/v1/orders`, { method: "POST", headers: buyer, body: "{" }), {
      params: Promise.resolve({}),
    });
    expect(notJson.status).toBe(400);
    expect((await create(buyer, { listingId: "nope", hours: 3 })).status).toBe(404);
    expect((await create(await signedInHeaders(r.provider.id), { listingId: r.machine.id, hours: 3 })).status).toBe(403);
    await db.machine.update({ where: { id: r.machine.id }, data: { status: "PAUSED" } });
    expect((await create(buyer, { listingId: r.machine.id, hours: 3 })).status).toBe(404);
  });

  it("lets only the right party act, and shows connection details to the buyer and admins only", async () => {
    const r = await rental();
    const buyer = await signedInHeaders(r.buyer.id);
    const provider = await signedInHeaders(r.provider.id);
    const admin = await signedInHeaders((await createUser({ roles: ["ADMIN"] })).id);
    const stranger = await signedInHeaders((await createUser()).id);
    const order = await (await create(buyer, { listingId: r.machine.id, hours: 2 })).json();

    expect((await act(provider, order.id, "start", { host: "gpu1.example.com", port: 22, user: "ubuntu" })).status).toBe(409);
    await sendAll(r.buyerWallet, order.transactions);
    await indexer().catchUp();

    const badStart = await act(provider, order.id, "start", { host: "gpu1.example.com", port: 70000, user: "ubuntu" });
    expect(badStart.status).toBe(400);
    expect(Object.keys((await badStart.json()).fieldErrors)).toEqual(["port"]);
    expect((await act(buyer, order.id, "start", { host: "gpu1.example.com", port: 22, user: "ubuntu" })).status).toBe(403);
    // A rental completes by its meter, never on the provider's word.
    const complete = await act(provider, order.id, "complete");
    expect([complete.status, (await complete.json()).error]).toEqual([409, "metered_rental"]);
    expect((await act(stranger, order.id, "release")).status).toBe(404);
    expect((await act(admin, order.id, "release")).status).toBe(403);
    expect((await act(buyer, order.id, "refund")).status).toBe(409); // start deadline not reached
    expect((await act(buyer, order.id, "explode")).status).toBe(404);

    const started = await act(provider, order.id, "start", {
      host: "gpu1.example.com",
      port: 2222,
      user: "ubuntu",
      jupyterUrl: "https://gpu1.example.com:8888/lab",
    });
    expect(started.status).toBe(200);
    const { transaction } = await started.json();
    expect(decodeFunctionData({ abi: idlegridEscrowAbi, data: transaction.data })).toMatchObject({
      functionName: "markStarted",
      args: [order.escrowId],
    });
    // The provider said it started, but the chain has not: the buyer gets no connection details yet.
    expect(await (await read(buyer, order.id)).json()).toMatchObject({ status: "FUNDED", connection: null });
    await mined(await r.providerWallet.sendTransaction({ to: transaction.to, data: transaction.data }));
    await indexer().catchUp();

    const connection = { host: "gpu1.example.com", port: 2222, user: "ubuntu", jupyterUrl: "https://gpu1.example.com:8888/lab" };
    expect(await (await read(buyer, order.id)).json()).toMatchObject({ status: "ACTIVE", connection });
    expect(await (await read(admin, order.id)).json()).toMatchObject({ status: "ACTIVE", connection });
    expect((await (await read(provider, order.id)).json()).connection).toBeNull();
    expect((await read(stranger, order.id)).status).toBe(404);
    expect((await read(browserHeaders(), order.id)).status).toBe(401);
  });

  it("answers stop, extend and claim with ready-to-sign transactions, the extension priced by the server", async () => {
    const r = await rental({ pricePerGpuHour: "1800000", gpuCount: 2 });
    const buyer = await signedInHeaders(r.buyer.id);
    const provider = await signedInHeaders(r.provider.id);
    const order = await (await create(buyer, { listingId: r.machine.id, hours: 2 })).json();
    await sendAll(r.buyerWallet, order.transactions);
    await indexer().catchUp();

    // Funded: the buyer may stop (everything back) or extend; nobody can claim before a start.
    const stop = await (await act(buyer, order.id, "stop")).json();
    expect(decodeFunctionData({ abi: idlegridEscrowAbi, data: stop.transaction.data })).toMatchObject({
      functionName: "stop",
      args: [order.escrowId],
    });
    expect(stop.transactions).toEqual([stop.transaction]);
    expect((await act(provider, order.id, "claim")).status).toBe(409);
    for (const body of [{}, { hours: "2" }, { hours: 0 }, { hours: 1.5 }]) {
      const bad = await act(buyer, order.id, "extend", body);
      expect(bad.status, JSON.stringify(body)).toBe(400);
      expect(Object.keys((await bad.json()).fieldErrors)).toEqual(["hours"]);
    }
    const extend = await act(buyer, order.id, "extend", { hours: 3, amount: "1" });
    expect(extend.status).toBe(200);
    const plan = await extend.json();
    const [approve, more] = plan.transactions as Tx[];
    // 3 more hours at 1.8 per GPU-hour on 2 GPUs, whatever amount the client sent.
    expect(decodeFunctionData({ abi: erc20Abi, data: approve!.data }).args).toEqual([escrow, 10_800_000n]);
    expect(decodeFunctionData({ abi: idlegridEscrowAbi, data: more!.data })).toMatchObject({
      functionName: "extend",
      args: [order.escrowId, 10_800_000n],
    });
    expect(plan.permit).toMatchObject({
      extendWithPermit: { to: escrow, args: { escrowId: order.escrowId, amount: "10800000" } },
      typedData: { message: { value: "10800000" } },
    });
    expect((await act(provider, order.id, "extend", { hours: 1 })).status).toBe(403);
  });

  it("lets the buyer cancel an unpaid order, off-chain and at once", async () => {
    const r = await rental();
    const buyer = await signedInHeaders(r.buyer.id);
    const order = await (await create(buyer, { listingId: r.machine.id, hours: 2 })).json();
    expect((await act(await signedInHeaders(r.provider.id), order.id, "cancel")).status).toBe(403);
    const res = await act(buyer, order.id, "cancel");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ order: { status: "CANCELLED" }, transaction: null });
    expect((await act(buyer, order.id, "cancel")).status).toBe(409);
  });
});

describe("v1 contracts and the dev faucet", () => {
  it("describes the chain, reading the token's decimals and symbol from it", async () => {
    const body = await (await getContracts(new Request(`${base}/api/v1/contracts`), { params: Promise.resolve({}) })).json();
    expect(body).toMatchObject({ chainId: 31337, token: { address: token, decimals: 6, symbol: "tUSDC" }, escrow: { address: escrow } });
    expect(body.escrow.abi.some((item: { name?: string }) => item.name === "open")).toBe(true);
  });

  it("sends test ETH and tUSDC on the local chain, and refuses a bad address", async () => {
    const { address } = await createUser();
    const res = await postFaucet(
      new Request(`${base}/api/dev/faucet`, { method: "POST", headers: browserHeaders(), body: JSON.stringify({ address }) }),
      { params: Promise.resolve({}) },
    );
    expect(res.status).toBe(200);
    const balance = await chainClient.readContract({
      address: token,
      abi: erc20Abi,
      functionName: "balanceOf",
      args: [address as `0x${string}`],
    });
    expect(balance).toBe(1_000_000_000n);
    expect(await chainClient.getBalance({ address: address as `0x${string}` })).toBe(10n ** 18n);
    const bad = await postFaucet(
      new Request(`${base}/api/dev/faucet`, { method: "POST", headers: browserHeaders(), body: JSON.stringify({ address: "0x123" }) }),
      { params: Promise.resolve({}) },
    );
    expect(bad.status).toBe(400);
  });
});

describe("OpenAPI document", () => {
  it("describes the order, contracts and faucet endpoints", async () => {
    const { GET } = await import("@/app/api/v1/openapi.json/route");
    const doc = await GET().json();
    for (const p of ["/api/v1/orders", "/api/v1/orders/{id}", "/api/v1/orders/{id}/{action}", "/api/v1/contracts", "/api/dev/faucet"])
      expect(doc.paths[p], p).toBeDefined();
    expect(doc.paths["/api/v1/listings"]).toBeDefined();
    expect(doc.paths["/api/v1/orders"].post.requestBody.content["application/json"].schema.properties).toHaveProperty("hours");
    expect(doc.paths["/api/v1/orders"].post.responses["201"].content["application/json"].schema).toEqual({
      $ref: "#/components/schemas/CreatedOrder",
    });
    expect(doc.components.schemas.CreatedOrder.properties).toHaveProperty("permit");
    expect(doc.paths["/api/v1/me/ssh-keys"].post.requestBody.content["application/json"].schema.properties).toHaveProperty("publicKey");
    expect(doc.paths["/api/v1/me/ssh-keys/{id}"].delete).toBeDefined();
  });
});
