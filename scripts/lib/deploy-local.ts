/**
 * Deploys the local chain's contracts (TestUSDC, then the escrow for it) with the
 * anvil deployer account and funds the demo accounts. Test mocks are never deployed here. Idempotent: a deployment recorded in the deployments file
 * whose code is still on chain is reused, so restarts keep the same addresses.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createPublicClient, createWalletClient, getAddress, http, parseUnits, type Address, type PublicClient } from "viem";
import { foundry } from "viem/chains";
import { demoAccounts } from "../../dev/demo-roster";
import { demoAccount } from "../../dev/dev-accounts";
import { idlegridEscrowAbi, idlegridEscrowBytecode } from "../../lib/chain/generated/IdlegridEscrow";
import { testUsdcAbi, testUsdcBytecode } from "../../lib/chain/generated/TestUSDC";

export interface LocalDeployment {
  chainId: number;
  token: Address;
  escrow: Address;
}

/**
 * Local escrow terms: demo account 0 is admin, arbiter and treasury; 2.5% fee; 3-day dispute window.
 * Demo account 1 (Ada, the local admin) is an arbiter too, so disputes can be resolved from the admin console.
 */
export const LOCAL_ESCROW_FEE_BPS = 250;
export const LOCAL_DISPUTE_WINDOW_SECONDS = 3n * 24n * 60n * 60n;

async function hasCode(publicClient: PublicClient, address: Address | undefined) {
  if (!address) return false;
  const code = await publicClient.getCode({ address });
  return Boolean(code && code !== "0x");
}

/** Test dollars each demo account starts with. */
const STARTING_BALANCE = parseUnits("25000", 6);

export async function deployLocal(rpcUrl: string, deploymentsFile?: string): Promise<LocalDeployment> {
  const transport = http(rpcUrl);
  const publicClient = createPublicClient({ chain: foundry, transport });
  const chainId = await publicClient.getChainId();
  if (chainId !== foundry.id)
    throw new Error(`Refusing to deploy test contracts to chain ${chainId}: only the local chain (${foundry.id}) gets them.`);

  const wallet = createWalletClient({ chain: foundry, transport, account: demoAccount(0) });
  const deployer = demoAccount(0).address;
  const deployEscrow = async (token: Address) => {
    const hash = await wallet.deployContract({
      abi: idlegridEscrowAbi,
      bytecode: idlegridEscrowBytecode,
      args: [token, deployer, deployer, deployer, LOCAL_ESCROW_FEE_BPS, LOCAL_DISPUTE_WINDOW_SECONDS],
    });
    const receipt = await publicClient.waitForTransactionReceipt({ hash });
    if (!receipt.contractAddress) throw new Error("IdlegridEscrow deployment produced no contract address");
    return getAddress(receipt.contractAddress);
  };
  // Granted only when missing, so reusing a deployment on restart sends nothing.
  const ensureArbiter = async (escrow: Address) => {
    const escrowContract = { address: escrow, abi: idlegridEscrowAbi } as const;
    const role = await publicClient.readContract({ ...escrowContract, functionName: "ARBITER_ROLE" });
    const arbiter = demoAccount(1).address;
    if (await publicClient.readContract({ ...escrowContract, functionName: "hasRole", args: [role, arbiter] })) return;
    const tx = await wallet.writeContract({ ...escrowContract, functionName: "grantRole", args: [role, arbiter] });
    await publicClient.waitForTransactionReceipt({ hash: tx });
  };
  const save = (deployment: LocalDeployment) => {
    if (!deploymentsFile) return;
    mkdirSync(path.dirname(deploymentsFile), { recursive: true });
    writeFileSync(deploymentsFile, JSON.stringify(deployment, null, 2));
  };

  if (deploymentsFile && existsSync(deploymentsFile)) {
    const saved = JSON.parse(readFileSync(deploymentsFile, "utf8")) as Partial<LocalDeployment>;
    if (saved.token && (await hasCode(publicClient, saved.token))) {
      if (await hasCode(publicClient, saved.escrow)) {
        await ensureArbiter(saved.escrow as Address);
        return saved as LocalDeployment;
      }
      // A chain state from before the escrow existed: keep its token, add the escrow.
      const deployment: LocalDeployment = { chainId, token: saved.token, escrow: await deployEscrow(saved.token) };
      await ensureArbiter(deployment.escrow);
      save(deployment);
      return deployment;
    }
  }

  const hash = await wallet.deployContract({ abi: testUsdcAbi, bytecode: testUsdcBytecode });
  const receipt = await publicClient.waitForTransactionReceipt({ hash });
  if (!receipt.contractAddress) throw new Error("TestUSDC deployment produced no contract address");
  const token = getAddress(receipt.contractAddress);
  // Deployed right after the token (deployer nonce 1), so a fresh chain always has it at the same address.
  const escrow = await deployEscrow(token);

  for (const { address } of demoAccounts) {
    const tx = await wallet.writeContract({
      address: token,
      abi: testUsdcAbi,
      functionName: "faucet",
      args: [address, STARTING_BALANCE],
    });
    await publicClient.waitForTransactionReceipt({ hash: tx });
  }

  await ensureArbiter(escrow);
  const deployment: LocalDeployment = { chainId, token, escrow };
  save(deployment);
  return deployment;
}
