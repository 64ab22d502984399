/**
 * Smart-contract wallets sign in too: POST /api/auth/verify checks the signature through the chain
 * (viem's verifySiweMessage with a public client), so a contract account's EIP-1271
 * `isValidSignature` decides, and a wallet that is not deployed yet proves itself with an EIP-6492
 * signature that carries its factory call. The wallets are real contracts on the test anvil.
 */
import { encodeFunctionData, getAddress, keccak256, parseEventLogs, serializeErc6492Signature, toHex, type Address, type Hex } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as verify } from "@/app/api/auth/verify/route";
import { mockSmartWalletAbi, mockSmartWalletBytecode } from "@/contracts/generated/MockSmartWallet";
import { mockSmartWalletFactoryAbi, mockSmartWalletFactoryBytecode } from "@/contracts/generated/MockSmartWalletFactory";
import { db } from "@/lib/core/server/db";
import { appUrl, browserHeaders, createNonce, siweMessageFor } from "@/test/auth";
import { publicClient, walletFor } from "@/test/chain";

const deployer = walletFor(7);
const newAccount = () => privateKeyToAccount(generatePrivateKey());

async function deploy(hash: Hex): Promise<Address> {
  const receipt = await publicClient.waitForTransactionReceipt({ hash });
  if (receipt.status !== "success" || !receipt.contractAddress) throw new Error(`deployment ${hash} failed`);
  return getAddress(receipt.contractAddress);
}

/** A MockSmartWallet owned by `owner`, deployed now. */
async function deployedWallet(owner: Address): Promise<Address> {
  return deploy(await deployer.deployContract({ abi: mockSmartWalletAbi, bytecode: mockSmartWalletBytecode, args: [owner] }));
}

function post(body: { message: string; signature: Hex }) {
  return verify(
    new Request(`${appUrl.origin}/api/auth/verify`, { method: "POST", headers: browserHeaders(), body: JSON.stringify(body) }),
    undefined,
  );
}

function sessionsOf(address: Address) {
  return db.session.count({ where: { user: { address } } });
}

describe("sign-in with a smart-contract wallet (EIP-1271)", () => {
  it("creates a session for the contract's address when its owner key signs", async () => {
    const owner = newAccount();
    const wallet = await deployedWallet(owner.address);
    expect(await publicClient.getCode({ address: wallet })).not.toBeUndefined();
    // The message names the contract; the signature is the owner's, which only the contract can vouch for.
    const message = siweMessageFor(owner, await createNonce(), { address: wallet });
    const signature = await owner.signMessage({ message });

    const res = await post({ message, signature });

    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ address: wallet, roles: [], isAdmin: false });
    expect(await sessionsOf(wallet)).toBe(1);
    expect(await sessionsOf(owner.address)).toBe(0);
  });

  it("rejects a signature by any other key with bad_signature and creates no session", async () => {
    const owner = newAccount();
    const wallet = await deployedWallet(owner.address);
    const nonce = await createNonce();
    const message = siweMessageFor(owner, nonce, { address: wallet });
    const signature = await newAccount().signMessage({ message });

    const res = await post({ message, signature });

    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: "bad_signature" });
    expect(await sessionsOf(wallet)).toBe(0);
    // A failed check leaves the nonce for the real owner's attempt.
    expect((await db.authNonce.findUniqueOrThrow({ where: { nonce } })).usedAt).toBeNull();
  });
});

describe("sign-in with a wallet that is not deployed yet (EIP-6492)", () => {
  let factory: Address;

  beforeAll(async () => {
    factory = await deploy(await deployer.deployContract({ abi: mockSmartWalletFactoryAbi, bytecode: mockSmartWalletFactoryBytecode }));
  });

  /** The CREATE2 address the factory will deploy `owner`'s wallet to, and the call that deploys it. */
  async function counterfactual(owner: Address) {
    const salt = keccak256(toHex(`${owner}:${Math.random()}`));
    const address = await publicClient.readContract({
      address: factory,
      abi: mockSmartWalletFactoryAbi,
      functionName: "walletAddress",
      args: [owner, salt],
    });
    const deployCall = encodeFunctionData({ abi: mockSmartWalletFactoryAbi, functionName: "deploy", args: [owner, salt] });
    return { address, deployCall, salt };
  }

  it("signs in with the owner's signature wrapped with the factory call, without deploying anything", async () => {
    const owner = newAccount();
    const wallet = await counterfactual(owner.address);
    expect(await publicClient.getCode({ address: wallet.address })).toBeUndefined();
    const message = siweMessageFor(owner, await createNonce(), { address: wallet.address });
    const signature = serializeErc6492Signature({
      address: factory,
      data: wallet.deployCall,
      signature: await owner.signMessage({ message }),
    });

    const res = await post({ message, signature });

    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ address: wallet.address, roles: [], isAdmin: false });
    expect(await sessionsOf(wallet.address)).toBe(1);
    // Verification simulates the deployment in an eth_call; the chain is unchanged.
    expect(await publicClient.getCode({ address: wallet.address })).toBeUndefined();
  });

  it("the same wallet, once the factory deploys it, signs in with a plain EIP-1271 signature", async () => {
    const owner = newAccount();
    const wallet = await counterfactual(owner.address);
    const receipt = await publicClient.waitForTransactionReceipt({
      hash: await deployer.writeContract({
        address: factory,
        abi: mockSmartWalletFactoryAbi,
        functionName: "deploy",
        args: [owner.address, wallet.salt],
      }),
    });
    const [deployed] = parseEventLogs({ abi: mockSmartWalletFactoryAbi, eventName: "WalletDeployed", logs: receipt.logs });
    expect(deployed?.args.wallet).toBe(wallet.address);
    const message = siweMessageFor(owner, await createNonce(), { address: wallet.address });

    const res = await post({ message, signature: await owner.signMessage({ message }) });

    expect(res.status).toBe(200);
    expect(await sessionsOf(wallet.address)).toBe(1);
  });

  it("rejects a wrapped signature by another key with bad_signature", async () => {
    const owner = newAccount();
    const wallet = await counterfactual(owner.address);
    const message = siweMessageFor(owner, await createNonce(), { address: wallet.address });
    const signature = serializeErc6492Signature({
      address: factory,
      data: wallet.deployCall,
      signature: await newAccount().signMessage({ message }),
    });

    const res = await post({ message, signature });

    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: "bad_signature" });
    expect(await sessionsOf(wallet.address)).toBe(0);
  });
});
