/**
 * The API-key and webhook forms in German: every reason their schemas and the endpoint URL policy can
 * give is re-said by lib/i18n/validation.ts, none shows through in English.
 */
import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/lib/core/fields";
import { createApiKeySchema } from "@/lib/apikeys/schema";
import { endpointUrlProblem } from "@/lib/webhooks/address-policy";
import { createWebhookSchema } from "@/lib/webhooks/schema";
import { resolvesPublicly } from "@/lib/webhooks/server/send";
import { translateMessage } from "./validation";

function reasons(result: { success: boolean; error?: Parameters<typeof fieldErrorsOf>[0] }): string[] {
  return result.success || !result.error ? [] : Object.values(fieldErrorsOf(result.error)).flat();
}

describe("API-key and webhook form errors in German", () => {
  it("re-says every schema and URL-policy reason", async () => {
    const messages = [
      ...reasons(createApiKeySchema.safeParse({ name: "", scopes: [], expiresInDays: 0 })),
      ...reasons(createApiKeySchema.safeParse({ name: "x".repeat(65), scopes: ["admin"], expiresInDays: 1.5 })),
      ...reasons(createApiKeySchema.safeParse({ name: "k", scopes: ["read"], expiresInDays: 400 })),
      ...reasons(createWebhookSchema.safeParse({ url: "ftp://example.com", events: [], description: "d".repeat(201) })),
      ...reasons(createWebhookSchema.safeParse({ url: `https://example.com/${"p".repeat(2000)}`, events: ["nope"] })),
      ...["http://example.com/", "https://u:p@example.com/", "https://example.com/#x", "https://localhost/", "https://10.0.0.1/"].map(
        (u) => endpointUrlProblem(new URL(u), true) ?? "",
      ),
      "its host hooks.example.com does not resolve",
      (await resolvesPublicly("localhost")) ?? "",
    ];
    expect(messages.length).toBeGreaterThan(15);
    expect(messages.filter((m) => m === "" || translateMessage(m, "de") === m)).toEqual([]);
  });
});
