/**
 * The dev demo history on a chain of its own whose clock starts 30 days back, as `npm run dev` starts
 * one: real transactions through the escrow, read back as the indexer reads them.
 */
import os from "node:os";
import path from "node:path";
import { createTestClient, createWalletClient, getAddress, http, parseEther, parseUnits, publicActions, type Address } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { foundry } from "viem/chains";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testUsdcAbi } from "@/lib/chain/generated/TestUSDC";
import { db } from "@/lib/core/server/db";
import { writeDemoHistory } from "@/dev/demo-history";
import { readEscrowLogs } from "@/lib/indexer/server/escrow-logs";
import { foldStatus } from "@/lib/orders/server/state";
import { foldLedger } from "@/lib/orders/ledger";
import { createMachine } from "@/test/factories";
import { deployLocal } from "../scripts/lib/deploy-local";
import { startAnvil } from "../scripts/lib/services";
import { freePort, Supervisor } from "../scripts/lib/supervisor";

const DAY = 86_400;
const sup = new Supervisor(path.join(os.tmpdir(), `idlegrid-demo-history-${process.pid}`, "pids.json"));
let rpcUrl: string;
let chain: ReturnType<typeof chainAt>;

function chainAt(url: string) {
  return createTestClient({ chain: foundry, mode: "anvil", transport: http(url) }).extend(publicActions);
}

/** An account the test anvil lets anyone send from, with gas and, for a buyer, test USDC. */
async function unlocked(usdc = 0n): Promise<Address> {
  const address = privateKeyToAccount(generatePrivateKey()).address;
  await chain.impersonateAccount({ address });
  await chain.setBalance({ address, value: parseEther("10") });
  if (usdc > 0n) {
    const wallet = createWalletClient({ chain: foundry, transport: http(rpcUrl), account: address });
    await chain.waitForTransactionReceipt({
      hash: await wallet.writeContract({
        address: getAddress(process.env.TOKEN_ADDRESS as string),
        abi: testUsdcAbi,
        functionName: "faucet",
        args: [address, usdc],
      }),
    });
  }
  return address;
}

beforeAll(async () => {
  rpcUrl = await startAnvil(sup, { port: await freePort(), genesisTimestamp: Math.floor(Date.now() / 1000) - 30 * DAY });
  // The same deployer and nonces as the tests' chain: the same addresses, so orders name this escrow.
  const deployment = await deployLocal(rpcUrl);
  expect([deployment.token, deployment.escrow]).toEqual([
    getAddress(process.env.TOKEN_ADDRESS as string),
    getAddress(process.env.ESCROW_ADDRESS as string),
  ]);
  chain = chainAt(rpcUrl);
}, 60_000);

afterAll(() => sup.stopAll());

describe("writeDemoHistory", () => {
  it("pays a month of metered rentals through the escrow at past block times and leaves the clock at now", async () => {
    const buyerAddress = await unlocked(parseUnits("20000", 6));
    const buyer = await db.user.create({ data: { address: buyerAddress }, select: { id: true, address: true } });
    const listings = [];
    for (const price of ["2190000", "340000", "1290000"]) {
      const provider = await db.user.create({ data: { address: await unlocked() } });
      const machine = await createMachine(provider.id, { pricePerGpuHour: price, gpuCount: 2, minHours: 2, maxHours: 24 });
      listings.push({ id: machine.id, providerAddress: provider.address, minHours: machine.minHours, maxHours: machine.maxHours });
    }
    const now = new Date();

    const { rentals } = await writeDemoHistory({ rpcUrl, buyer, listings, now });
    expect(rentals).toBeGreaterThanOrEqual(10);

    const head = await chain.getBlock();
    expect(Math.abs(Number(head.timestamp) - Math.floor(now.getTime() / 1000))).toBeLessThanOrEqual(2);

    // What the indexer would make of it: every order funded, all but the last ended by the meter, on many past days.
    const orders = await db.order.findMany({
      where: { buyerId: buyer.id },
      select: { escrowId: true, hours: true, createdAt: true, ratePerSecond: true, startDeadline: true },
    });
    for (const o of orders) expect(o.createdAt.getTime()).toBeLessThan(now.getTime() - DAY * 1000);
    expect(orders).toHaveLength(rentals);
    for (const o of orders) expect(listings.find((l) => l.maxHours >= o.hours && l.minHours <= o.hours)).toBeDefined();
    const logs = await readEscrowLogs(chain, getAddress(process.env.ESCROW_ADDRESS as string), 0n, head.number);
    const eventsOf = (o: (typeof orders)[number]) =>
      logs.filter((l) => l.escrowId.toLowerCase() === o.escrowId.toLowerCase()).map((l) => ({ ...l, applied: true }));
    const folded = orders.map((o) => foldStatus("PENDING_PAYMENT", eventsOf(o)));
    expect(folded.filter((f) => f.status === "ENDED")).toHaveLength(rentals - 1);
    expect(folded.filter((f) => f.status === "ACTIVE")).toHaveLength(1);
    // Rentals, opened with their rate and a deadline the contract took, and the three other endings.
    for (const o of orders) {
      expect(o.ratePerSecond).not.toBeNull();
      const opened = eventsOf(o).find((e) => e.eventName === "EscrowOpened");
      expect(opened?.args.startDeadline).toBe(String(Math.floor(o.startDeadline.getTime() / 1000)));
      expect(eventsOf(o).find((e) => e.eventName === "RentalOpened")?.args.ratePerSecond).toBe(o.ratePerSecond?.toFixed(0));
    }
    const ledgers = orders.map((o) => foldLedger(eventsOf(o)));
    const stopped = ledgers.filter((l) => l.buyerRefunded > 0n);
    expect(stopped).toHaveLength(1);
    // Stopped after a third of its time: about two thirds back (the rate is rounded down, so a little more).
    expect(stopped[0]!.buyerRefunded * 3n).toBeGreaterThanOrEqual(stopped[0]!.escrowAmount * 2n);
    expect(ledgers.filter((l) => l.extendedAmount > 0n)).toHaveLength(1);
    // The rest ran out and the provider claimed everything, one of them in two claims.
    expect(ledgers.filter((l) => l.claimed === l.escrowAmount && l.buyerRefunded === 0n)).toHaveLength(rentals - 2);
    expect(orders.filter((o) => eventsOf(o).filter((e) => e.eventName === "RentalClaimed").length === 2)).toHaveLength(1);
    const settledDays = new Set(folded.flatMap((f) => (f.settledAt ? [f.settledAt.toISOString().slice(0, 10)] : [])));
    expect(settledDays.size).toBeGreaterThanOrEqual(10);
    for (const f of folded) expect(f.fundedAt!.getTime()).toBeLessThan(now.getTime() - DAY * 1000);

    // Written once: a second run only checks the clock.
    expect((await writeDemoHistory({ rpcUrl, buyer, listings })).rentals).toBe(0);
  }, 120_000);
});
