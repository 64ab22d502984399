import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DELETE } from "@/app/api/v1/me/ssh-keys/[id]/route";
import { GET, POST } from "@/app/api/v1/me/ssh-keys/route";
import { sshFingerprint } from "@/lib/account/server/ssh-keys";
import { createSshKeySchema, MAX_SSH_KEYS_PER_USER } from "@/lib/account/ssh-key";
import { signedInHeaders } from "@/test/auth";
import { createUser } from "@/test/factories";
import { ecdsaKey, ed25519Key, rsaKey } from "@/test/ssh-keys";

const url = "http://localhost:3000/api/v1/me/ssh-keys";
const post = (headers: Headers, body: unknown) =>
  POST(new Request(url, { method: "POST", headers, body: JSON.stringify(body) }), { params: Promise.resolve({}) });
const list = async (headers: Headers) =>
  (await (await GET(new Request(url, { headers }), { params: Promise.resolve({}) })).json()).keys as { id: string; label: string }[];
const remove = (headers: Headers, id: string) =>
  DELETE(new Request(`${url}/${id}`, { method: "DELETE", headers }), { params: Promise.resolve({ id }) });

describe("SSH key validation", () => {
  const valid = (publicKey: string, label = "laptop") => createSshKeySchema.safeParse({ label, publicKey }).success;

  it("accepts real ed25519, RSA (2048+) and ECDSA P-256 keys, with or without a comment", () => {
    expect(valid(ed25519Key())).toBe(true);
    expect(valid(ed25519Key().split(" ").slice(0, 2).join(" "))).toBe(true);
    expect(valid(rsaKey(2048))).toBe(true);
    expect(valid(ecdsaKey())).toBe(true);
  });

  it("refuses other types, bad bodies, short RSA, private keys and bad labels", () => {
    const [, body] = ed25519Key().split(" ");
    expect(valid(`ssh-dss ${body}`)).toBe(false);
    expect(valid(`ssh-rsa ${body}`)).toBe(false); // body says ed25519
    expect(valid(`ssh-ed25519 ${body!.slice(0, -8)}`)).toBe(false); // truncated
    expect(valid("ssh-ed25519 not*base64")).toBe(false);
    expect(valid(rsaKey(1024))).toBe(false);
    expect(valid("-----BEGIN OPENSSH PRIVATE KEY-----")).toBe(false);
    expect(valid(`${ed25519Key()}\nssh-ed25519 ${body}`)).toBe(false);
    expect(valid(ed25519Key(), "")).toBe(false);
    expect(valid(ed25519Key(), "x".repeat(65))).toBe(false);
    expect(valid(ed25519Key(), "bad\u0007label")).toBe(false);
  });

  it("computes the fingerprint exactly as ssh-keygen does", () => {
    const key = ed25519Key();
    const file = join(mkdtempSync(join(tmpdir(), "sshkey-")), "id.pub");
    writeFileSync(file, `${key}\n`);
    expect(execFileSync("ssh-keygen", ["-lf", file], { encoding: "utf8" })).toContain(sshFingerprint(key));
  });
});

describe("GET/POST/DELETE /api/v1/me/ssh-keys", () => {
  it("saves, lists and deletes the caller's own keys, refusing duplicates and bad input", async () => {
    const me = await signedInHeaders((await createUser()).id);
    const other = await signedInHeaders((await createUser()).id);
    const key = ed25519Key("work");
    const created = await post(me, { label: "  Work laptop ", publicKey: `  ${key.replace(" ", "   ")} ` });
    expect(created.status).toBe(201);
    const saved = await created.json();
    expect(saved).toMatchObject({ label: "Work laptop", publicKey: key, fingerprint: sshFingerprint(key) });

    const dup = await post(me, { label: "again", publicKey: key });
    expect(dup.status).toBe(409);
    expect(await dup.json()).toMatchObject({ error: "duplicate_key" });
    const bad = await post(me, { label: "", publicKey: "ssh-ed25519 AAAA" });
    expect(bad.status).toBe(400);
    expect(Object.keys((await bad.json()).fieldErrors).sort()).toEqual(["label", "publicKey"]);

    // Another user may save the same public key; lists never mix.
    expect((await post(other, { label: "shared", publicKey: key })).status).toBe(201);
    expect((await list(me)).map((k) => k.id)).toEqual([saved.id]);
    expect(await list(other)).toHaveLength(1);

    expect((await remove(other, saved.id)).status).toBe(404);
    expect((await remove(me, saved.id)).status).toBe(200);
    expect(await list(me)).toEqual([]);
    expect((await remove(me, saved.id)).status).toBe(404);
  });

  it(`caps a user at ${MAX_SSH_KEYS_PER_USER} keys`, async () => {
    const me = await signedInHeaders((await createUser()).id);
    for (let i = 0; i < MAX_SSH_KEYS_PER_USER; i++) expect((await post(me, { label: `k${i}`, publicKey: ed25519Key() })).status).toBe(201);
    const over = await post(me, { label: "one more", publicKey: ed25519Key() });
    expect(over.status).toBe(409);
    expect(await over.json()).toMatchObject({ error: "too_many_keys" });
  });
});
