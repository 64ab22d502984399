import { createWalletClient, http, type Hex } from "viem";
import { foundry } from "viem/chains";
import { describe, expect, it } from "vitest";
import { POST as resolvePost } from "@/app/api/admin/disputes/[id]/resolve/route";
import { demoAccount } from "@/dev/dev-accounts";
import { db } from "@/lib/core/server/db";
import { expireJobs } from "@/lib/jobs/server/expiry";
import { acceptOffer } from "@/lib/jobs/server/offers";
import { progressNotes } from "@/lib/jobs/server/queries";
import { completeJob, postProgress, startJob } from "@/lib/jobs/server/run";
import type { TxRequest } from "@/lib/orders/server/transactions";
import { availableActions } from "@/lib/orders/server/transitions";
import { loadOrder } from "@/lib/orders/server/view";
import { appUrl, signedInHeaders } from "@/test/auth";
import { createUser } from "@/test/factories";
import { matchingProvider, noticesOf, offerOn, openJob } from "@/test/jobs";
import { callerFor, escrowWrite, fundedWallet, indexer, mined, pay, type Wallet } from "@/test/payments";

/** A buyer and a provider with wallets, an open job, and the provider's offer accepted. */
async function acceptedJob() {
  const [buyerWallet, providerWallet] = await Promise.all([fundedWallet(), fundedWallet()]);
  const buyer = await createUser({ address: buyerWallet.account.address });
  const p = await matchingProvider({}, await createUser({ address: providerWallet.account.address }));
  const { job } = await openJob({ estimatedHours: "4" }, buyer);
  const offer = await offerOn(job.id, p, "1.50");
  const { orderId } = await acceptOffer(callerFor(buyer), offer.id);
  const order = await db.order.findUniqueOrThrow({ where: { id: orderId } });
  return { buyer, provider: p.provider, buyerWallet, providerWallet, job, order };
}

const jobStatus = (id: string) => db.job.findUniqueOrThrow({ where: { id }, select: { status: true } }).then((j) => j.status);
const kinds = async (userId: string) => (await noticesOf(userId)).map((n) => n.kind);

async function send(wallet: Wallet, tx: TxRequest | null) {
  if (!tx) throw new Error("expected a transaction to sign");
  return mined(await wallet.sendTransaction({ to: tx.to, data: tx.data as Hex }));
}

describe("settling a job through the escrow", () => {
  it("runs FUNDED -> RUNNING -> COMPLETED -> PAID with notices to the other party, once each", async () => {
    const t = await acceptedJob();
    // 1.50 per GPU-hour x 2 GPUs x 4 hours.
    expect(t.order.amount.toFixed(0)).toBe("12000000");
    expect(await jobStatus(t.job.id)).toBe("ACCEPTED");
    await expect(postProgress(callerFor(t.provider), t.job.id, "warming up")).rejects.toMatchObject({ status: 409 });

    await pay(t.buyerWallet, t.order);
    await indexer().catchUp();
    expect(await jobStatus(t.job.id)).toBe("FUNDED");
    expect(await kinds(t.provider.id)).toEqual(["offer.accepted", "job.funded"]);
    // The order page leaves start and complete to the job page (which asks for the result); paying parties keep the rest.
    const loaded = await loadOrder(t.order.id);
    expect(availableActions(loaded!, "provider")).toEqual(["refund"]);
    expect(availableActions(loaded!, "buyer")).toEqual(["release"]);
    // Re-reading the same blocks changes nothing and notifies nobody again.
    await indexer().catchUp();
    expect(await kinds(t.provider.id)).toEqual(["offer.accepted", "job.funded"]);

    await expect(startJob(callerFor(t.buyer), t.job.id)).rejects.toMatchObject({ status: 403 });
    const start = await startJob(callerFor(t.provider), t.job.id);
    expect(start.orderId).toBe(t.order.id);
    await send(t.providerWallet, start.transaction);
    await indexer().catchUp();
    expect(await jobStatus(t.job.id)).toBe("RUNNING");

    await postProgress(callerFor(t.provider), t.job.id, "epoch 1/3, loss 1.92");
    await expect(postProgress(callerFor(t.buyer), t.job.id, "not mine to post")).rejects.toMatchObject({ status: 403 });
    expect((await progressNotes(t.job.id, callerFor(t.buyer)))?.map((n) => n.body)).toEqual(["epoch 1/3, loss 1.92"]);
    expect(await progressNotes(t.job.id, callerFor(await createUser()))).toBeNull();

    const result = { resultUrl: "s3://acme/out/run-1/", resultSha256: "ab".repeat(32) };
    const complete = await completeJob(callerFor(t.provider), t.job.id, result);
    expect(await db.job.findUniqueOrThrow({ where: { id: t.job.id }, select: { resultUrl: true, resultSha256: true } })).toEqual(result);
    await send(t.providerWallet, complete.transaction);
    await indexer().catchUp();
    expect(await jobStatus(t.job.id)).toBe("COMPLETED");
    expect(await kinds(t.buyer.id)).toEqual(["offer.new", "job.completed"]);

    await escrowWrite(t.buyerWallet, "release", t.order.escrowId);
    await indexer().catchUp();
    expect(await jobStatus(t.job.id)).toBe("PAID");
    expect((await db.order.findUniqueOrThrow({ where: { id: t.order.id } })).status).toBe("PAID");
  });

  it("refuses completing before the job runs, storing nothing", async () => {
    const t = await acceptedJob();
    await pay(t.buyerWallet, t.order);
    await indexer().catchUp();
    await expect(
      completeJob(callerFor(t.provider), t.job.id, { resultUrl: "s3://a/b", resultSha256: "0".repeat(64) }),
    ).rejects.toMatchObject({ status: 409 });
    expect((await db.job.findUniqueOrThrow({ where: { id: t.job.id } })).resultUrl).toBeNull();
  });

  it("a dispute opened by the buyer tells the provider", async () => {
    const t = await acceptedJob();
    await pay(t.buyerWallet, t.order);
    await escrowWrite(t.providerWallet, "markStarted", t.order.escrowId);
    await escrowWrite(t.buyerWallet, "openDispute", t.order.escrowId);
    await indexer().catchUp();
    expect(await jobStatus(t.job.id)).toBe("DISPUTED");
    expect(await kinds(t.provider.id)).toEqual(["offer.accepted", "job.funded", "job.disputed"]);
    expect(await kinds(t.buyer.id)).toEqual(["offer.new"]);
  });
});

describe("a disputed job resolved by the arbiter", () => {
  it("a provider's dispute tells the buyer; the resolution tells both", async () => {
    const t = await acceptedJob();
    await pay(t.buyerWallet, t.order);
    await escrowWrite(t.providerWallet, "markStarted", t.order.escrowId);
    await escrowWrite(t.providerWallet, "markCompleted", t.order.escrowId);
    await indexer().catchUp();
    expect(await jobStatus(t.job.id)).toBe("COMPLETED");
    await escrowWrite(t.providerWallet, "openDispute", t.order.escrowId);
    await indexer().catchUp();
    expect(await kinds(t.buyer.id)).toEqual(["offer.new", "job.completed", "job.disputed"]);

    const admin = await createUser({ roles: ["ADMIN"] });
    const res = await resolvePost(
      new Request(`${appUrl.origin}/api/admin/disputes/${t.order.id}/resolve`, {
        method: "POST",
        headers: await signedInHeaders(admin.id),
        body: JSON.stringify({ providerBps: 6_000 }),
      }),
      { params: Promise.resolve({ id: t.order.id }) },
    );
    expect(res.status).toBe(200);
    const { transaction } = (await res.json()) as { transaction: TxRequest };
    const ada = createWalletClient({ chain: foundry, transport: http(process.env.RPC_URL), account: demoAccount(1).address });
    await mined(await ada.sendTransaction({ to: transaction.to, data: transaction.data }));
    await indexer().catchUp();
    expect(await jobStatus(t.job.id)).toBe("RESOLVED");
    expect((await kinds(t.buyer.id)).at(-1)).toBe("job.resolved");
    expect(await kinds(t.provider.id)).toEqual(["offer.accepted", "job.funded", "job.resolved"]);
  });
});

describe("expiry", () => {
  it("expires open jobs past their deadline and declines their pending offers, once", async () => {
    const { job } = await openJob();
    const { job: later } = await openJob();
    const p = await matchingProvider();
    const offer = await offerOn(job.id, p);
    await db.job.update({ where: { id: job.id }, data: { offerDeadline: new Date(Date.now() - 1000) } });

    expect(await expireJobs(new Date())).toBeGreaterThanOrEqual(1);
    expect(await jobStatus(job.id)).toBe("EXPIRED");
    expect(await jobStatus(later.id)).toBe("OPEN");
    expect((await db.offer.findUniqueOrThrow({ where: { id: offer.id } })).status).toBe("DECLINED");
    expect(await noticesOf(p.provider.id)).toEqual([
      { kind: "offer.declined", params: expect.objectContaining({ reason: "job_expired" }), href: `/jobs/${job.id}` },
    ]);
    await expireJobs(new Date());
    expect(await noticesOf(p.provider.id)).toHaveLength(1);
  });
});
