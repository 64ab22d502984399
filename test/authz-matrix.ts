/**
 * A table-driven authorization test. Each row is one route (or action) and the status every kind of caller
 * must get; the helper signs each persona in with a real session and calls the handler directly.
 *
 *   describeAuthzMatrix("listings", [
 *     authzRow({
 *       name: "PATCH /api/listings/[id]",
 *       arrange: (world) => createMachine(world.owner.id),
 *       act: (headers, machine) => PATCH(new Request(url, { method: "PATCH", headers, body }), { params: Promise.resolve({ id: machine.id }) }),
 *       expect: { anonymous: 401, banned: 401, buyer: 403, owner: 200, otherProvider: 403, admin: 200 },
 *     }),
 *   ]);
 *
 * `arrange` runs once per persona, so a row may consume what it arranged. Mutating rows (the default) are also
 * sent as the owner from a foreign origin and without an Origin header, and must get 403 bad_origin.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { User } from "@/lib/generated/prisma/client";
import { db } from "@/lib/core/server/db";
import { browserHeaders, signedInHeaders } from "@/test/auth";
import { createUser } from "@/test/factories";

export const personas = ["anonymous", "banned", "buyer", "owner", "otherProvider", "admin"] as const;
export type Persona = (typeof personas)[number];

/** The users behind the personas: `owner` owns what `arrange` creates; `otherProvider` is a provider who does not. */
export interface AuthzWorld {
  banned: User;
  buyer: User;
  owner: User;
  otherProvider: User;
  admin: User;
}

export interface AuthzRow<T> {
  name: string;
  arrange?: (world: AuthzWorld) => Promise<T>;
  act: (headers: Headers, arranged: T, world: AuthzWorld) => Promise<Response>;
  /** Expected status per persona; an array allows any of several. */
  expect: Record<Persona, number | readonly number[]>;
  /** Default true: also check the Origin defence. */
  mutating?: boolean;
}

type AnyRow = AuthzRow<unknown>;

/** Keeps each row's own arranged type while letting rows of different types share one table. */
export function authzRow<T>(row: AuthzRow<T>): AnyRow {
  return row as unknown as AnyRow;
}

async function headersFor(persona: Persona, world: AuthzWorld, extra: Record<string, string> = {}): Promise<Headers> {
  if (persona === "anonymous") return browserHeaders(undefined, extra);
  return signedInHeaders(world[persona].id, extra);
}

export function describeAuthzMatrix(title: string, rows: AnyRow[]): void {
  describe(`authorization: ${title}`, () => {
    let world: AuthzWorld;
    beforeAll(async () => {
      const [banned, buyer, owner, otherProvider, admin] = await Promise.all([
        createUser({ displayName: "authz banned" }),
        createUser({ displayName: "authz buyer" }),
        createUser({ displayName: "authz owner" }),
        createUser({ displayName: "authz other provider" }),
        createUser({ displayName: "authz admin", roles: ["ADMIN"] }),
      ]);
      world = { banned, buyer, owner, otherProvider, admin };
      // Banned after creation: each call still gets a fresh session row, which the caller lookup must refuse.
      await db.user.update({ where: { id: banned.id }, data: { banned: true } });
    });

    const cases = rows.flatMap((row) => personas.map((persona) => [row.name, persona, row] as const));
    it.each(cases)("%s as %s", async (_name, persona, row) => {
      const arranged = row.arrange ? await row.arrange(world) : undefined;
      const res = await row.act(await headersFor(persona, world), arranged, world);
      const expected = row.expect[persona];
      const allowed = typeof expected === "number" ? [expected] : expected;
      expect(allowed, `status ${res.status}: ${await res.clone().text()}`).toContain(res.status);
    });

    const mutating = rows.filter((row) => row.mutating !== false);
    it.each(mutating.map((row) => [row.name, row] as const))("%s refuses foreign and missing origins", async (_name, row) => {
      for (const origin of ["https://evil.example", "null", undefined]) {
        const arranged = row.arrange ? await row.arrange(world) : undefined;
        const headers = await headersFor("owner", world);
        if (origin) headers.set("origin", origin);
        else headers.delete("origin");
        const res = await row.act(headers, arranged, world);
        expect(res.status, `origin ${origin}`).toBe(403);
        expect(await res.json()).toMatchObject({ error: "bad_origin" });
      }
    });
  });
}
