import "server-only";
/** A user's saved SSH public keys. Every function is scoped to the owner: no one reads or deletes another's key. */
import { createHash } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/core/server/db";
import { ApiError } from "@/lib/core/server/api-error";
import { MAX_SSH_KEYS_PER_USER, sshKeyIdPattern, type CreateSshKeyInput } from "@/lib/account/ssh-key";
import type { SshKeyView } from "@/lib/account/ssh-key-dto";

const keySelect = { id: true, label: true, publicKey: true, fingerprint: true, createdAt: true } satisfies Prisma.SshKeySelect;

/** "SHA256:…" as `ssh-keygen -lf` prints it: unpadded base64 of the SHA-256 of the decoded key body. */
export function sshFingerprint(publicKey: string): string {
  const body = publicKey.split(" ")[1] ?? "";
  return `SHA256:${createHash("sha256").update(Buffer.from(body, "base64")).digest("base64").replace(/=+$/, "")}`;
}

function view(key: Prisma.SshKeyGetPayload<{ select: typeof keySelect }>): SshKeyView {
  return { ...key, createdAt: key.createdAt.toISOString() };
}

export async function listSshKeys(userId: string): Promise<SshKeyView[]> {
  const keys = await db.sshKey.findMany({ where: { userId }, orderBy: { createdAt: "asc" }, select: keySelect });
  return keys.map(view);
}

export async function addSshKey(userId: string, input: CreateSshKeyInput): Promise<SshKeyView> {
  const fingerprint = sshFingerprint(input.publicKey);
  // Locking the user's row serialises adds for one user, so two parallel adds cannot pass the cap together.
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "User" WHERE id = ${userId} FOR UPDATE`;
    if ((await tx.sshKey.count({ where: { userId } })) >= MAX_SSH_KEYS_PER_USER) {
      throw new ApiError(409, "too_many_keys", `You can save at most ${MAX_SSH_KEYS_PER_USER} keys. Delete one first.`);
    }
    if (await tx.sshKey.findUnique({ where: { userId_fingerprint: { userId, fingerprint } }, select: { id: true } })) {
      throw new ApiError(409, "duplicate_key", "This key is already saved.", { publicKey: ["is already saved"] });
    }
    return view(
      await tx.sshKey.create({ data: { userId, label: input.label, publicKey: input.publicKey, fingerprint }, select: keySelect }),
    );
  });
}

/** Deletes the caller's own key; another user's key (or none) is the same 404, so ids reveal nothing. */
export async function deleteSshKey(userId: string, id: string): Promise<void> {
  const { count } = sshKeyIdPattern.test(id) ? await db.sshKey.deleteMany({ where: { id, userId } }) : { count: 0 };
  if (count === 0) throw new ApiError(404, "not_found", "No saved key with this id.");
}
