import { DELETE } from "@/app/api/v1/me/ssh-keys/[id]/route";
import { GET, POST } from "@/app/api/v1/me/ssh-keys/route";
import { db } from "@/lib/core/server/db";
import { authzRow, describeAuthzMatrix } from "@/test/authz-matrix";
import { ed25519Key } from "@/test/ssh-keys";

const url = "http://localhost:3000/api/v1/me/ssh-keys";

/** A key saved by `userId`, with a fresh body so rows never collide on the fingerprint. */
async function savedKey(userId: string) {
  const publicKey = ed25519Key();
  return db.sshKey.create({ data: { userId, label: "laptop", publicKey, fingerprint: `SHA256:${crypto.randomUUID()}` } });
}

describeAuthzMatrix("saved SSH keys", [
  authzRow({
    name: "GET /api/v1/me/ssh-keys",
    act: (headers) => GET(new Request(url, { headers }), { params: Promise.resolve({}) }),
    expect: { anonymous: 401, banned: 401, buyer: 200, owner: 200, otherProvider: 200, admin: 200 },
    mutating: false,
  }),
  authzRow({
    name: "POST /api/v1/me/ssh-keys",
    act: (headers) =>
      POST(new Request(url, { method: "POST", headers, body: JSON.stringify({ label: "laptop", publicKey: ed25519Key() }) }), {
        params: Promise.resolve({}),
      }),
    expect: { anonymous: 401, banned: 401, buyer: 201, owner: 201, otherProvider: 201, admin: 201 },
  }),
  authzRow({
    name: "DELETE /api/v1/me/ssh-keys/[id]",
    arrange: (world) => savedKey(world.owner.id),
    act: (headers, key) =>
      DELETE(new Request(`${url}/${key.id}`, { method: "DELETE", headers }), { params: Promise.resolve({ id: key.id }) }),
    // Owner only: not even an admin deletes someone's key, and others cannot tell it exists.
    expect: { anonymous: 401, banned: 401, buyer: 404, owner: 200, otherProvider: 404, admin: 404 },
  }),
]);
