/**
 * Zod shapes of values as API responses carry them, shared by every domain's response schemas
 * (lib/<domain>/*-dto.ts). Those schemas give the server its TypeScript types (z.infer) and the
 * OpenAPI document its response bodies (z.toJSONSchema of the input side, i.e. the JSON form), so
 * the two cannot drift apart.
 */
import { z } from "zod";

/**
 * A moment: a Date on the server, an ISO 8601 UTC string in JSON (what JSON.stringify makes of a
 * Date). Decoding a response turns the string back into a Date; the OpenAPI document shows the string.
 */
export const wireDate = z.codec(z.iso.datetime(), z.date(), {
  decode: (text) => new Date(text),
  encode: (date) => date.toISOString(),
});

/** An ISO 8601 UTC timestamp that is already text on the server too. */
export const isoText = z.iso.datetime();

/** Money in token base units as a decimal string: a uint256 does not fit a JSON number. */
export function baseUnits(what: string) {
  return z
    .string()
    .regex(/^\d+$/)
    .meta({ description: `token base units (6 decimals for USDC): ${what}`, examples: ["1850000"] });
}

/** 0x-prefixed hex: addresses, calldata, hashes. Typed as viem's `0x${string}`. */
export const hexText = z.templateLiteral(["0x", z.string().regex(/^[0-9a-fA-F]*$/)]);

/** An EVM address as the API writes it (checksummed or lower case). */
export const addressText = z.string().regex(/^0x[0-9a-fA-F]{40}$/);

/** Every 4xx and 500 answer: a code to branch on, a sentence for people, and per-parameter reasons. */
export const apiErrorBodySchema = z
  .object({
    error: z.string().meta({
      description: "a stable code",
      examples: ["invalid_parameter", "not_found", "unauthenticated", "forbidden", "invalid_transition"],
    }),
    message: z.string().describe("English, for developers; apps show their own words per code"),
    fieldErrors: z
      .record(z.string(), z.array(z.string()))
      .optional()
      .meta({
        description: "reasons per parameter path, e.g. items.0.price; _ for the whole input",
        examples: [{ cursor: ["cursor is not a value this API returned"] }],
      }),
  })
  .describe("An error");
export type ApiErrorBody = z.infer<typeof apiErrorBodySchema>;
