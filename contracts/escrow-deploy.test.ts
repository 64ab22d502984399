/**
 * What `npm run dev` does to a fresh local chain: TestUSDC, then the escrow for it, at fixed
 * addresses, reused on restart. Runs on an anvil of its own so the shared test chain is untouched.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createPublicClient, getAddress, http, type Address } from "viem";
import { foundry } from "viem/chains";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoAccount } from "@/dev/dev-accounts";
import { idlegridEscrowAbi } from "@/lib/chain/generated/IdlegridEscrow";
import { testUsdcAbi } from "@/lib/chain/generated/TestUSDC";
import { deployLocal, LOCAL_DISPUTE_WINDOW_SECONDS, LOCAL_ESCROW_FEE_BPS, type LocalDeployment } from "@/scripts/lib/deploy-local";
import { runTs, startAnvil } from "@/scripts/lib/services";
import { freePort, Supervisor } from "@/scripts/lib/supervisor";

const dir = mkdtempSync(path.join(os.tmpdir(), "idlegrid-deploy-test-"));
const sup = new Supervisor(path.join(dir, "pids.json"));
let rpcUrl: string;

beforeAll(async () => {
  rpcUrl = await startAnvil(sup, { port: await freePort(), logFile: path.join(dir, "chain.log") });
});
afterAll(async () => {
  await sup.stopAll();
});

describe("deployLocal", () => {
  it("deploys TestUSDC and its escrow at fixed addresses, funds the demo accounts and reuses them on restart", async () => {
    const file = path.join(dir, "deployments.json");
    const first = await deployLocal(rpcUrl, file);
    // scripts/test.ts builds the app with these addresses, so they must not move.
    expect(first).toEqual({
      chainId: 31337,
      token: "0x5FbDB2315678afecb367f032d93F642f64180aa3",
      escrow: "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512",
    });
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual(first);

    const client = createPublicClient({ chain: foundry, transport: http(rpcUrl) });
    const escrow = { address: first.escrow, abi: idlegridEscrowAbi } as const;
    const deployer = demoAccount(0).address;
    expect(await client.readContract({ ...escrow, functionName: "token" })).toBe(first.token);
    expect(await client.readContract({ ...escrow, functionName: "treasury" })).toBe(deployer);
    expect(await client.readContract({ ...escrow, functionName: "feeBps" })).toBe(LOCAL_ESCROW_FEE_BPS);
    expect(await client.readContract({ ...escrow, functionName: "disputeWindow" })).toBe(LOCAL_DISPUTE_WINDOW_SECONDS);
    const arbiterRole = await client.readContract({ ...escrow, functionName: "ARBITER_ROLE" });
    expect(await client.readContract({ ...escrow, functionName: "hasRole", args: [arbiterRole, deployer] })).toBe(true);
    // Ada, the local admin, resolves disputes from the admin console with her own wallet.
    expect(await client.readContract({ ...escrow, functionName: "hasRole", args: [arbiterRole, demoAccount(1).address] })).toBe(true);
    expect(await client.readContract({ ...escrow, functionName: "hasRole", args: [`0x${"00".repeat(32)}`, deployer] })).toBe(true);
    const buyerBalance = await client.readContract({
      address: first.token,
      abi: testUsdcAbi,
      functionName: "balanceOf",
      args: [demoAccount(2).address],
    });
    expect(buyerBalance).toBe(25_000_000_000n);

    const blockBefore = await client.getBlockNumber({ cacheTime: 0 });
    expect(await deployLocal(rpcUrl, file)).toEqual(first);
    expect(await client.getBlockNumber({ cacheTime: 0 })).toBe(blockBefore); // nothing deployed twice
  });

  it("adds the escrow to a chain saved before the escrow existed, keeping its token", async () => {
    const file = path.join(dir, "legacy.json");
    const { token } = JSON.parse(readFileSync(path.join(dir, "deployments.json"), "utf8")) as LocalDeployment;
    writeFileSync(file, JSON.stringify({ chainId: 31337, token }));
    const upgraded = await deployLocal(rpcUrl, file);
    expect(upgraded.token).toBe(token);
    expect(upgraded.escrow).not.toBe("0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512");
    const client = createPublicClient({ chain: foundry, transport: http(rpcUrl) });
    expect(await client.readContract({ address: upgraded.escrow as Address, abi: idlegridEscrowAbi, functionName: "token" })).toBe(token);
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual(upgraded);
  });

  it("scripts/deploy-escrow.ts deploys for a given token, arbiter, treasury and fee, and prints the app's variables", async () => {
    const { token } = JSON.parse(readFileSync(path.join(dir, "deployments.json"), "utf8")) as LocalDeployment;
    // Anvil's first well-known test key: it guards nothing, and this chain is throw-away.
    const key = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    const env = {
      PATH: process.env.PATH,
      NODE_ENV: "test" as const,
      RPC_URL: rpcUrl,
      DEPLOYER_PRIVATE_KEY: key,
      TOKEN_ADDRESS: token,
      ESCROW_ARBITER: demoAccount(1).address,
      ESCROW_TREASURY: demoAccount(9).address,
      ESCROW_FEE_BPS: "100",
    };
    const output = await runTs("scripts/deploy-escrow.ts", env);
    const escrow = getAddress(/IdlegridEscrow deployed at (0x[0-9a-fA-F]{40})/.exec(output)?.[1] ?? "");
    expect(output).toContain(`ESCROW_ADDRESS=${escrow}`);
    expect(output).toContain("tUSDC, 6 decimals");
    const client = createPublicClient({ chain: foundry, transport: http(rpcUrl) });
    expect(await client.readContract({ address: escrow, abi: idlegridEscrowAbi, functionName: "feeBps" })).toBe(100);
    expect(await client.readContract({ address: escrow, abi: idlegridEscrowAbi, functionName: "treasury" })).toBe(demoAccount(9).address);

    await expect(runTs("scripts/deploy-escrow.ts", { ...env, ESCROW_FEE_BPS: "1001" })).rejects.toThrow(/ESCROW_FEE_BPS/);
  }, 60_000);
});
