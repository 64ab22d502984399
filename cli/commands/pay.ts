/**
 * `pay <order>`: signs and sends the order's escrow transactions (approve, then open) exactly as the
 * API returned them, one after the other, each waited for. The key comes from IDLEGRID_PRIVATE_KEY or
 * --keystore FILE; --print writes the transactions as JSON for an external signer instead. The order
 * turns FUNDED when the server's indexer has read the payment on chain, never on this program's word.
 */
import { readFile, stat } from "node:fs/promises";
import { createPublicClient, createWalletClient, defineChain, getAddress, http, isHex, type Hex } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { base, baseSepolia, foundry, mainnet, sepolia } from "viem/chains";
import { contractsSchema } from "@/lib/chain/contracts-dto";
import { orderSchema, type TxRequest } from "@/lib/orders/order-dto";
import type { Context } from "../context";
import { CliError, usage } from "../errors";
import { json } from "../format";

export interface SignerOptions {
  keystore?: string;
  rpcUrl?: string;
  print?: boolean;
}

const knownChains = [base, baseSepolia, mainnet, sepolia, foundry];

/** A hex private key from the environment or a file only its owner can read. Encrypted keystores are refused by name. */
async function privateKey(ctx: Context, keystore: string | undefined): Promise<Hex> {
  let text: string;
  let source: string;
  if (keystore) {
    source = keystore;
    try {
      const mode = (await stat(keystore)).mode & 0o777;
      if ((mode & 0o077) !== 0)
        throw new CliError(`${keystore} is mode ${mode.toString(8)}, readable by other users; run chmod 600 ${keystore}`);
      text = (await readFile(keystore, "utf8")).trim();
    } catch (e) {
      if (e instanceof CliError) throw e;
      throw usage(`--keystore: cannot read ${keystore}: ${(e as Error).message}`);
    }
    if (text.startsWith("{")) {
      throw usage(
        `--keystore: ${keystore} is an encrypted JSON keystore, which this CLI cannot decrypt (viem has no decrypter); put the hex private key in a 0600 file, or use --print with your wallet`,
      );
    }
  } else {
    source = "IDLEGRID_PRIVATE_KEY";
    text = (ctx.env.IDLEGRID_PRIVATE_KEY ?? "").trim();
    if (!text) throw usage("pay needs a key: set IDLEGRID_PRIVATE_KEY or pass --keystore FILE (or --print to sign elsewhere)");
  }
  const key = text.startsWith("0x") ? text : `0x${text}`;
  if (!isHex(key) || key.length !== 66) throw usage(`${source} does not hold a 32-byte hex private key`);
  return key;
}

/** --rpc-url, else IDLEGRID_RPC_URL, else the public RPC of the chain the server names. */
async function rpcUrlFor(ctx: Context, options: SignerOptions, chainId: number): Promise<string> {
  const given = options.rpcUrl ?? ctx.env.IDLEGRID_RPC_URL;
  if (given) return given;
  const known = knownChains.find((c) => c.id === chainId);
  const url = known?.rpcUrls.default.http[0];
  if (!url) throw usage(`no default RPC for chain ${chainId}: pass --rpc-url or set IDLEGRID_RPC_URL`);
  return url;
}

/** Sends `transactions` from the buyer's key on the order's chain, each waited for; returns the hashes. */
export async function sendTransactions(
  ctx: Context,
  chainId: number,
  from: string,
  transactions: readonly TxRequest[],
  options: SignerOptions,
): Promise<Hex[]> {
  const account = privateKeyToAccount(await privateKey(ctx, options.keystore));
  if (getAddress(account.address) !== getAddress(from))
    throw new CliError(`the key is for ${account.address}, but the order's buyer is ${getAddress(from)}`);
  const contracts = await (await ctx.api()).get("/api/v1/contracts", contractsSchema);
  if (contracts.chainId !== chainId)
    throw new CliError(`the server now runs chain ${contracts.chainId}, but the order is on chain ${chainId}`);
  const rpc = await rpcUrlFor(ctx, options, chainId);
  const chain = defineChain({
    id: chainId,
    name: `chain ${chainId}`,
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [rpc] } },
  });
  const transport = http(rpc);
  const reader = createPublicClient({ chain, transport });
  let actual: number;
  try {
    actual = await reader.getChainId();
  } catch (e) {
    throw new CliError(`cannot reach the RPC ${rpc}: ${(e as Error).message.split("\n")[0]}`);
  }
  if (actual !== chainId) throw new CliError(`the RPC ${rpc} is chain ${actual}, but the order is on chain ${chainId}`);
  const wallet = createWalletClient({ account, chain, transport });
  const hashes: Hex[] = [];
  for (const tx of transactions) {
    let hash: Hex;
    try {
      hash = await wallet.sendTransaction({ to: tx.to, data: tx.data, value: BigInt(tx.value) });
    } catch (e) {
      throw new CliError(`${tx.description}: the transaction was not sent: ${(e as Error).message.split("\n")[0]}`);
    }
    const receipt = await reader.waitForTransactionReceipt({ hash });
    if (receipt.status !== "success") throw new CliError(`${tx.description}: transaction ${hash} reverted`);
    ctx.io.err(`${tx.description}: ${hash}`);
    hashes.push(hash);
  }
  return hashes;
}

export async function pay(ctx: Context, orderId: string, options: SignerOptions): Promise<number> {
  const order = await (await ctx.api()).get(`/api/v1/orders/${encodeURIComponent(orderId)}`, orderSchema);
  if (order.viewerRole !== "buyer") throw new CliError(`only the buyer pays order ${order.id}; this key's user is its ${order.viewerRole}`);
  if (order.status !== "PENDING_PAYMENT" || order.transactions.length === 0)
    throw new CliError(`order ${order.id} is ${order.status}: there is nothing to pay`);
  if (options.print) {
    if (options.keystore || options.rpcUrl) throw usage("--print signs nothing: it takes neither --keystore nor --rpc-url");
    ctx.io.out(json({ chainId: order.chainId, from: order.buyer, transactions: order.transactions }));
    return 0;
  }
  await sendTransactions(ctx, order.chainId, order.buyer, order.transactions, options);
  ctx.io.err(
    `paid; order ${order.id} turns FUNDED once the server has read the payment on chain (idlegrid status ${order.id} --watch --until FUNDED)`,
  );
  return 0;
}
