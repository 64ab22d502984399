/**
 * EIP-2612 permits for the escrow's openWithPermit, shared by the server (which offers the typed
 * data in the API) and the browser (which signs it): one place that reads the token's EIP-712
 * domain and builds the exact message, so both sign the same thing.
 */
import type { Address, PublicClient } from "viem";

export const permitTokenAbi = [
  {
    type: "function",
    name: "nonces",
    stateMutability: "view",
    inputs: [{ name: "owner", type: "address" }],
    outputs: [{ type: "uint256" }],
  },
  { type: "function", name: "name", stateMutability: "view", inputs: [], outputs: [{ type: "string" }] },
  { type: "function", name: "version", stateMutability: "view", inputs: [], outputs: [{ type: "string" }] },
] as const;

export const permitTypes = {
  Permit: [
    { name: "owner", type: "address" },
    { name: "spender", type: "address" },
    { name: "value", type: "uint256" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint256" },
  ],
} as const;

/** How long a signed permit stays usable: long enough to confirm, short enough that a leaked one soon expires. */
export const PERMIT_TTL_SECONDS = 30 * 60;

export interface PermitRequest {
  chainId: number;
  token: Address;
  owner: Address;
  spender: Address;
  value: bigint;
  deadline: bigint;
}

/**
 * The typed data to sign, or null when the token has no EIP-2612 permit (no `nonces`). The domain
 * comes from EIP-5267 `eip712Domain()` when the token has it (OpenZeppelin 5 does), else from
 * `name()` and `version()`, else version "1" — what most permit tokens use.
 */
export async function permitTypedData(client: Pick<PublicClient, "readContract" | "getEip712Domain">, req: PermitRequest) {
  let nonce: bigint;
  try {
    nonce = await client.readContract({ address: req.token, abi: permitTokenAbi, functionName: "nonces", args: [req.owner] });
  } catch {
    return null;
  }
  let name: string;
  let version: string;
  try {
    ({ name, version } = (await client.getEip712Domain({ address: req.token })).domain);
  } catch {
    name = await client.readContract({ address: req.token, abi: permitTokenAbi, functionName: "name" });
    version = await client.readContract({ address: req.token, abi: permitTokenAbi, functionName: "version" }).catch(() => "1");
  }
  return {
    domain: { name, version, chainId: req.chainId, verifyingContract: req.token },
    types: permitTypes,
    primaryType: "Permit" as const,
    message: { owner: req.owner, spender: req.spender, value: req.value, nonce, deadline: req.deadline },
  };
}
export type PermitTypedData = NonNullable<Awaited<ReturnType<typeof permitTypedData>>>;
