/**
 * Deploys the local chain's contracts with the anvil deployer account and funds
 * the demo accounts. Idempotent: a deployment recorded in the deployments file
 * whose code is still on chain is reused, so restarts keep the same addresses.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createPublicClient, createWalletClient, getAddress, http, parseUnits, type Address } from "viem";
import { foundry } from "viem/chains";
import { demoAccount, demoAccounts } from "../../lib/chain/dev-accounts";
import { testUsdcAbi, testUsdcBytecode } from "../../lib/chain/generated/TestUSDC";

export interface LocalDeployment {
  chainId: number;
  token: Address;
}

/** Test dollars each demo account starts with. */
const STARTING_BALANCE = parseUnits("25000", 6);

export async function deployLocal(rpcUrl: string, deploymentsFile?: string): Promise<LocalDeployment> {
  const transport = http(rpcUrl);
  const publicClient = createPublicClient({ chain: foundry, transport });
  const chainId = await publicClient.getChainId();
  if (chainId !== foundry.id) throw new Error(`Refusing to deploy test contracts to chain ${chainId}: only the local chain (${foundry.id}) gets them.`);

  if (deploymentsFile && existsSync(deploymentsFile)) {
    const saved = JSON.parse(readFileSync(deploymentsFile, "utf8")) as LocalDeployment;
    const code = await publicClient.getCode({ address: saved.token });
    if (code && code !== "0x") return saved;
  }

  const wallet = createWalletClient({ chain: foundry, transport, account: demoAccount(0) });
  const hash = await wallet.deployContract({ abi: testUsdcAbi, bytecode: testUsdcBytecode });
  const receipt = await publicClient.waitForTransactionReceipt({ hash });
  if (!receipt.contractAddress) throw new Error("TestUSDC deployment produced no contract address");
  const token = getAddress(receipt.contractAddress);

  for (const { index } of demoAccounts) {
    const tx = await wallet.writeContract({
      address: token,
      abi: testUsdcAbi,
      functionName: "faucet",
      args: [demoAccount(index).address, STARTING_BALANCE],
    });
    await publicClient.waitForTransactionReceipt({ hash: tx });
  }

  const deployment: LocalDeployment = { chainId, token };
  if (deploymentsFile) {
    mkdirSync(path.dirname(deploymentsFile), { recursive: true });
    writeFileSync(deploymentsFile, JSON.stringify(deployment, null, 2));
  }
  return deployment;
}
