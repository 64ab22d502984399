/** Inputs of the dispute screens: a party's statement and the arbiter's split. */
import { z } from "zod";

export const disputeStatementSchema = z.object({
  body: z
    .string({ error: "Write what happened" })
    .trim()
    .min(10, "Say a little more (at least 10 characters)")
    .max(4000, "At most 4,000 characters"),
});

/** The provider's share in basis points (0 = all back to the buyer, 10,000 = all to the provider), as the escrow takes it. */
export const resolveDisputeSchema = z.object({
  providerBps: z
    .number({ error: "Choose the provider's share" })
    .int("Whole basis points only")
    .min(0, "At least 0%")
    .max(10_000, "At most 100%"),
});
export type ResolveDisputeInput = z.infer<typeof resolveDisputeSchema>;
