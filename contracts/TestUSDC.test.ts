import { BaseError, decodeErrorResult, parseSignature, parseUnits, RpcRequestError, type Hex } from "viem";
import { describe, expect, it } from "vitest";
import { demoAccount } from "@/dev/dev-accounts";
import { testUsdcAbi, testUsdcBytecode } from "@/lib/chain/generated/TestUSDC";
import { permitTypes } from "@/lib/chain/permit";
import { publicClient, testClient, tokenAddress, walletFor } from "@/test/chain";

const token = { address: tokenAddress, abi: testUsdcAbi } as const;

describe("TestUSDC", () => {
  it("looks like USDC: 6 decimals, a symbol and a name", async () => {
    expect(await publicClient.readContract({ ...token, functionName: "decimals" })).toBe(6);
    expect(await publicClient.readContract({ ...token, functionName: "symbol" })).toBe("tUSDC");
  });

  it("mints through the faucet up to its limit and reverts above it", async () => {
    const wallet = walletFor(7);
    const to = demoAccount(8).address;
    const before = await publicClient.readContract({ ...token, functionName: "balanceOf", args: [to] });
    const hash = await wallet.writeContract({ ...token, functionName: "faucet", args: [to, parseUnits("100000", 6)] });
    await publicClient.waitForTransactionReceipt({ hash });
    expect(await publicClient.readContract({ ...token, functionName: "balanceOf", args: [to] })).toBe(before + parseUnits("100000", 6));

    await expect(
      publicClient.simulateContract({
        ...token,
        account: wallet.account,
        functionName: "faucet",
        args: [to, parseUnits("100000", 6) + 1n],
      }),
    ).rejects.toThrow(/FaucetLimitExceeded/);
  });

  it("accepts an EIP-2612 permit signed by the owner and rejects a replay", async () => {
    const owner = walletFor(6);
    const spender = demoAccount(9).address;
    const value = parseUnits("12.5", 6);
    const nonce = await publicClient.readContract({ ...token, functionName: "nonces", args: [owner.account.address] });
    const deadline = BigInt(Math.floor(Date.now() / 1000) + 3600);
    const signature = await owner.signTypedData({
      domain: { name: "Idlegrid Test USD", version: "1", chainId: 31337, verifyingContract: tokenAddress },
      types: permitTypes,
      primaryType: "Permit",
      message: { owner: owner.account.address, spender, value, nonce, deadline },
    });
    const { r, s, v } = parseSignature(signature);
    const args = [owner.account.address, spender, value, deadline, Number(v), r, s] as const;
    const relayer = walletFor(5);
    await publicClient.waitForTransactionReceipt({ hash: await relayer.writeContract({ ...token, functionName: "permit", args }) });
    expect(await publicClient.readContract({ ...token, functionName: "allowance", args: [owner.account.address, spender] })).toBe(value);
    await expect(publicClient.simulateContract({ ...token, account: relayer.account, functionName: "permit", args })).rejects.toThrow(
      /ERC2612InvalidSigner/,
    );
  });

  it("refuses to be deployed on any chain but the local one", async () => {
    const snapshot = await testClient.snapshot();
    try {
      await testClient.request({ method: "anvil_setChainId", params: [8453] } as never);
      const failure = await publicClient.call({ account: walletFor(4).account, data: testUsdcBytecode }).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(BaseError);
      // The revert data travels on the RPC error at the bottom of viem's error chain.
      const rpcError = (failure as BaseError).walk((e) => e instanceof RpcRequestError) as RpcRequestError | null;
      const data = rpcError?.data;
      expect(data).toMatch(/^0x/);
      const decoded = decodeErrorResult({ abi: testUsdcAbi, data: data as Hex });
      expect(decoded).toMatchObject({ errorName: "NotLocalChain", args: [8453n] });
    } finally {
      // The chain id is node configuration, not state: a snapshot revert does not restore it.
      await testClient.request({ method: "anvil_setChainId", params: [31337] } as never);
      await testClient.revert({ id: snapshot });
    }
  });
});
