/**
 * The CLI in-process, talking to the real route handlers (test/route-server.ts's router as its fetch)
 * on the real database: help on every command, usage errors naming the flag, the config file's modes,
 * one-line refusals with their exit codes, pay --print, and stop/extend on a server without them.
 */
import { mkdtemp, readFile, stat, writeFile, chmod } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/apikeys/server/keys";
import { createMachine, createUser } from "@/test/factories";
import { routeRequest } from "@/test/route-server";
import { cli } from "./cli";
import { help } from "./help";

const server = "http://cli.test";
const routed: typeof fetch = (input, init) => routeRequest(new Request(input, init));

async function run(argv: string[], env: Record<string, string> = {}, stdin = "") {
  const out: string[] = [];
  const err: string[] = [];
  const code = await cli(
    argv,
    { IDLEGRID_CONFIG_DIR: await mkdtemp(path.join(os.tmpdir(), "idlegrid-")), ...env },
    { out: (t) => out.push(t), err: (t) => err.push(t), readStdin: async () => stdin },
    routed,
  );
  return { code, out: out.join("\n"), err: err.join("\n") };
}

async function keyFor(scopes: ("read" | "orders" | "jobs")[] = ["read", "orders"]) {
  const user = await createUser();
  const key = await createApiKey(user.id, { name: "cli", scopes, expiresInDays: null });
  return { user, key, env: { IDLEGRID_SERVER: server, IDLEGRID_API_KEY: key.secret } };
}

describe("idlegrid CLI", () => {
  it("has --help for every command, and a usage exit without one", async () => {
    for (const name of Object.keys(help).filter((n) => n !== "main" && n !== "jobs")) {
      const result = await run([...name.split(" "), "--help"]);
      expect(result, name).toMatchObject({ code: 0, out: help[name as keyof typeof help] });
    }
    expect(await run([])).toMatchObject({ code: 2, out: help.main });
    expect(await run(["jobs"])).toMatchObject({ code: 2, out: help.jobs });
  });

  it("names what is wrong with the command line in one line, exit code 2", async () => {
    expect(await run(["frobnicate"])).toMatchObject({ code: 2, err: "idlegrid: unknown command frobnicate (see idlegrid --help)" });
    expect((await run(["rent", "abc", "--hourz", "2"])).err).toMatch(/^idlegrid: Unknown option '--hourz'/);
    expect(await run(["rent"])).toMatchObject({ code: 2, err: "idlegrid: rent needs <listing> (see idlegrid rent --help)" });
    const { env } = await keyFor();
    // The server's own search parser, before any request.
    expect(await run(["search", "--min-vram", "lots"], env)).toMatchObject({
      code: 2,
      err: "idlegrid: --min-vram: minVram must be a whole number",
    });
    expect(await run(["rent", "abc", "--hours", "0"], env)).toMatchObject({ code: 2, err: "idlegrid: --hours must be at least 1" });
    expect(await run(["status", "abc", "--until", "FUNDED"], env)).toMatchObject({ code: 2 });
  });

  it("saves the login 0600 in a 0700 directory, refuses a config others can read, and says when nobody is logged in", async () => {
    const { key } = await keyFor();
    const dir = path.join(await mkdtemp(path.join(os.tmpdir(), "idlegrid-")), "nested");
    expect((await run(["search"], { IDLEGRID_CONFIG_DIR: dir })).err).toBe(
      "idlegrid: not logged in: run idlegrid login, or set IDLEGRID_SERVER and IDLEGRID_API_KEY",
    );
    expect(await run(["login", "--server", server], { IDLEGRID_CONFIG_DIR: dir }, "not-a-key\n")).toMatchObject({ code: 2 });
    const ok = await run(["login", "--server", `${server}/`], { IDLEGRID_CONFIG_DIR: dir }, `${key.secret}\n`);
    expect(ok.code, ok.err).toBe(0);
    const file = path.join(dir, "config.json");
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    expect(JSON.parse(await readFile(file, "utf8"))).toMatchObject({ server, apiKey: key.secret });
    expect((await run(["search", "--region", "ZX"], { IDLEGRID_CONFIG_DIR: dir })).code).toBe(0);
    await chmod(file, 0o644);
    expect((await run(["search"], { IDLEGRID_CONFIG_DIR: dir })).err).toContain("readable by other users");
  });

  it("says in one line, exit code 3, when the server refuses the key", async () => {
    const unknown = await run(["search"], { IDLEGRID_SERVER: server, IDLEGRID_API_KEY: `igk_abcdefgh_${"B".repeat(43)}` });
    expect(unknown).toMatchObject({
      code: 3,
      err: expect.stringMatching(/^idlegrid: the server refused the API key \(401 invalid_key\): /),
    });
    const { env } = await keyFor(["jobs"]);
    const scope = await run(["search"], env);
    expect(scope).toMatchObject({ code: 3, err: expect.stringContaining('(403 insufficient_scope): This API key lacks the "read" scope') });
  });

  it("prints the payment for an external signer, and tells a server without metered rentals apart from a missing order", async () => {
    const provider = await createUser();
    const machine = await createMachine(provider.id, { country: "ZW" });
    const { env } = await keyFor();
    const rented = await run(["rent", machine.id, "--hours", "3", "--quiet"], env);
    expect(rented.code, rented.err).toBe(0);
    const printed = await run(["pay", rented.out, "--print"], env);
    expect(printed.code, printed.err).toBe(0);
    const payment = JSON.parse(printed.out);
    expect(payment.transactions.map((t: { description: string }) => t.description)).toHaveLength(2);
    expect(payment.chainId).toBe(31337);

    // Without a key to sign with, pay says how to give one.
    expect((await run(["pay", rented.out], env)).err).toContain("IDLEGRID_PRIVATE_KEY");
    const keyFile = path.join(await mkdtemp(path.join(os.tmpdir(), "idlegrid-")), "key");
    await writeFile(keyFile, '{"crypto":{}}', { mode: 0o600 });
    expect((await run(["pay", rented.out, "--keystore", keyFile], env)).err).toContain("encrypted JSON keystore");

    const missing = await run(["stop", "nosuchorder"], env);
    expect(missing).toMatchObject({ code: 1, err: expect.stringContaining("(404 not_found)") });
    const stop = await run(["stop", rented.out], env);
    // Metered rentals are another change: a server without them is said so plainly; one with them
    // refuses to stop an unpaid order.
    expect(stop).toMatchObject({ code: 1, err: expect.stringMatching(/stop is not supported by this server|\(409 /) });
  });

  it("checks a job file with the server's schema before posting it", async () => {
    const { env } = await keyFor(["read", "jobs"]);
    const file = path.join(await mkdtemp(path.join(os.tmpdir(), "idlegrid-")), "job.json");
    await writeFile(file, JSON.stringify({ title: "x" }));
    const bad = await run(["jobs", "post", file], env);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("title:");
    expect((await run(["jobs", "list", "--sort", "cheapest"], env)).err).toMatch(/^idlegrid: --sort: /);
    const listed = await run(["jobs", "list", "--json"], env);
    expect(listed.code, listed.err).toBe(0);
    expect(JSON.parse(listed.out)).toHaveProperty("items");
  });
});
