/**
 * A key pasted at checkout goes through the same strict validation as a saved key: it ends up in the
 * provider's authorized_keys, so a comment with terminal escapes or a truncated body must not get through.
 */
import { describe, expect, it } from "vitest";
import { createOrderSchema } from "@/lib/orders/schema";
import { ecdsaKey, ed25519Key, rsaKey } from "@/test/ssh-keys";

const parse = (sshPublicKey: string) => createOrderSchema.safeParse({ listingId: "abc", hours: 1, sshPublicKey });

describe("the SSH key pasted at checkout", () => {
  it("accepts the key types and shapes a saved key may have, normalised the same way", () => {
    for (const key of [ed25519Key(), rsaKey(), ecdsaKey(), `${ed25519Key("me@host")}`.replace(" ", "\t")])
      expect(parse(key).success, key).toBe(true);
    const key = ed25519Key();
    expect(parse(`  ${key}  `).data?.sshPublicKey).toBe(key);
  });

  it.each([
    ["a comment with a terminal escape", `${ed25519Key("")}\u001b[2J`],
    ["a comment with NUL", `${ed25519Key("me")}\u0000`],
    ["a comment with a bell", ed25519Key("me\u0007")],
    ["a truncated body", "ssh-ed25519 AAAAnot-a-key"],
    ["a body of another type", `ssh-ed25519 ${rsaKey().split(" ")[1]}`],
    ["an RSA key under 2048 bits", rsaKey(1024)],
    ["a type saved keys do not take", `ecdsa-sha2-nistp384 ${ed25519Key().split(" ")[1]}`],
    ["two lines", `${ed25519Key()}\n${ed25519Key()}`],
    ["a private key", "-----BEGIN OPENSSH PRIVATE KEY-----"],
  ])("refuses %s", (_label, key) => {
    const result = parse(key);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join("."))).toContain("sshPublicKey");
  });
});
