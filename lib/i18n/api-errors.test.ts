import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { POST as postOrderAction } from "@/app/api/v1/orders/[id]/[action]/route";
import { browserHeaders } from "@/test/auth";
import { apiErrorMessage, apiRefusal, unreachableMessage } from "./api-errors";
import { apiErrorsDe } from "./messages/api-errors-de";
import { apiErrorsEn } from "./messages/api-errors-en";

const root = path.resolve(import.meta.dirname, "../..");

/** Every error code a route handler, action or domain function can answer with, read from the source. */
function thrownCodes(): string[] {
  const codes = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "generated" && entry.name !== "node_modules") walk(full);
      } else if (/\.tsx?$/.test(entry.name) && !entry.name.includes(".test.")) {
        for (const m of readFileSync(full, "utf8").matchAll(/new ApiError\(\s*\d{3},\s*"(\w+)"/g)) codes.add(m[1]!);
      }
    }
  };
  for (const dir of ["app", "lib", "dev"]) walk(path.join(root, dir));
  return [...codes].sort();
}

const orderAction = (id: string, action: string, body: unknown) =>
  postOrderAction(
    new Request(`http://localhost:3000/api/v1/orders/${id}/${action}`, {
      method: "POST",
      headers: browserHeaders(),
      body: JSON.stringify(body),
    }),
    {
      params: Promise.resolve({ id, action }),
    },
  );

describe("API refusals in the visitor's language", () => {
  it("has a sentence in English and German for every code the server throws", () => {
    const codes = thrownCodes();
    // The scan must find the codes at all, or this test would pass on nothing.
    expect(codes).toEqual(expect.arrayContaining(["not_found", "forbidden", "invalid_transition", "unauthenticated", "not_disputed"]));
    expect(codes.filter((code) => !Object.hasOwn(apiErrorsEn, code))).toEqual([]);
    for (const code of codes) {
      expect(apiErrorMessage(code, "de"), code).toBe(apiErrorsDe[code as keyof typeof apiErrorsDe]);
      expect(apiErrorMessage(code, "de"), code).not.toBe(apiErrorMessage(code, "en"));
    }
  });

  it("says the real route's refusal by its code, never with the answer's English message", async () => {
    const res = await orderAction("cm0000000000000000000000", "release", {});
    expect(res.status).toBe(401);
    const body = await res.json();
    expect(body.message).toBe("Sign in with your wallet first.");
    const refusal = apiRefusal(body, "de");
    expect(refusal).toEqual({ code: "unauthenticated", message: "Melden Sie sich zuerst mit Ihrer Wallet an.", fieldErrors: {} });
  });

  it("re-says field errors for the fields a form shows and names the others in the message", async () => {
    const res = await orderAction("cm0000000000000000000000", "start", {
      host: "gpu.example.com",
      port: 22,
      user: "ubuntu",
      jupyterUrl: "",
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.fieldErrors).toEqual({ jupyterUrl: ["must be an http(s) URL"] });
    // lib/i18n/validation.ts re-says the schema's English.
    const german = "muss eine http(s)-URL sein";

    expect(apiRefusal(body, "de", ["host", "port", "user", "jupyterUrl"])).toEqual({
      code: "invalid_parameter",
      message: "Einige Felder müssen korrigiert werden.",
      fieldErrors: { jupyterUrl: [german] },
    });
    expect(apiRefusal(body, "de", ["host"])).toEqual({
      code: "invalid_parameter",
      message: `Einige Felder müssen korrigiert werden. jupyterUrl: ${german}`,
      fieldErrors: {},
    });
  });

  it("falls back to a sentence of its own for an unknown code or a body that is not an API error", () => {
    expect(apiRefusal({ error: "brand_new_code", message: "English only" }, "de").message).toBe(apiErrorsDe.unknown);
    expect(apiRefusal("<html>Bad gateway</html>", "en")).toEqual({ code: undefined, message: apiErrorsEn.unknown, fieldErrors: {} });
    expect(apiRefusal({ error: "toString" }, "en").message).toBe(apiErrorsEn.unknown);
    expect(apiRefusal({ error: "forbidden", fieldErrors: { x: "not a list" } }, "en")).toEqual({
      code: "forbidden",
      message: apiErrorsEn.forbidden,
      fieldErrors: {},
    });
    expect(unreachableMessage("de")).toBe(apiErrorsDe.unreachable);
  });
});
