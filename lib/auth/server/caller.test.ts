import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "@/lib/core/server/api-error";
import { signedInHeaders } from "@/test/auth";
import { createUser, randomAddress } from "@/test/factories";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

/** caller.ts reads ADMIN_ADDRESSES once, at import, from the validated env: load a fresh copy with the variable set. */
async function callerModuleWithAdmins(admins: string) {
  vi.resetModules();
  vi.stubEnv("ADMIN_ADDRESSES", admins);
  return import("@/lib/auth/server/caller");
}

describe("caller", () => {
  it("adds ADMIN for addresses in ADMIN_ADDRESSES, whatever their case", async () => {
    const admin = randomAddress();
    const { callerFromRequest, rolesFor } = await callerModuleWithAdmins(` ${admin.toLowerCase()} ,${randomAddress()}`);
    expect(rolesFor(admin, [])).toEqual(["ADMIN"]);
    expect(rolesFor(randomAddress(), [])).toEqual([]);

    const user = await createUser({ address: admin });
    const headers = await signedInHeaders(user.id);
    const caller = await callerFromRequest(new Request("http://localhost:3000/x", { headers }));
    expect(caller).toMatchObject({ userId: user.id, address: admin, roles: ["ADMIN"], isAdmin: true });
  });

  it("requireCaller and requireAdmin throw 401 and 403", async () => {
    const { requireAdmin, requireCaller } = await callerModuleWithAdmins("");
    const user = { userId: "u", address: randomAddress(), roles: [], isAdmin: false, sessionId: "s" };
    expect(() => requireCaller(null)).toThrow(expect.objectContaining({ status: 401, code: "unauthenticated" }) as ApiError);
    expect(() => requireAdmin(null)).toThrow(expect.objectContaining({ status: 401 }) as ApiError);
    expect(() => requireAdmin(user)).toThrow(expect.objectContaining({ status: 403, code: "forbidden" }) as ApiError);
    expect(requireCaller(user)).toBe(user);
    expect(requireAdmin({ ...user, roles: ["ADMIN"], isAdmin: true }).isAdmin).toBe(true);
  });
});
