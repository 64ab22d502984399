/**
 * GET /api/v1/contracts as it answers, defined once: the OpenAPI document's Contracts schema and the
 * idlegrid CLI (which reads the chain id to sign a payment on) both come from it.
 */
import { z } from "zod";
import { addressText } from "@/lib/core/wire";

const abi = z.array(z.record(z.string(), z.unknown())).describe("the contract's ABI as JSON");

export const contractsSchema = z.object({
  chainId: z.int(),
  token: z
    .object({ address: addressText, decimals: z.int(), symbol: z.string(), abi })
    .describe("decimals and symbol as read from the chain"),
  escrow: z.object({ address: addressText, abi }).nullable().describe("null when no escrow is configured"),
});
