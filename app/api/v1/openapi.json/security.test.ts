import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/openapi.json/route";

type Operation = { security?: Record<string, string[]>[] };
type Document = {
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, { type: string; scheme?: string; in?: string }> };
};

const served = async () => (await GET().json()) as Document;

describe("the OpenAPI document's security", () => {
  it("declares the session cookie and the API key, and says for every operation who may call it", async () => {
    const doc = await served();
    expect(doc.components.securitySchemes).toMatchObject({
      session: { type: "apiKey", in: "cookie" },
      apiKey: { type: "http", scheme: "bearer" },
    });
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) expect(op.security, `${method} ${path}`).toBeDefined();
    }
  });

  it("names the scope the caller check enforces, makes anonymous reads optional, and keeps key management session-only", async () => {
    const { paths } = await served();
    expect(paths["/api/v1/orders"]?.post?.security).toEqual([{ session: [] }, { apiKey: ["orders"] }]);
    expect(paths["/api/v1/orders/{id}"]?.get?.security).toEqual([{ session: [] }, { apiKey: ["read"] }]);
    expect(paths["/api/v1/listings"]?.get?.security).toEqual([{}, { session: [] }, { apiKey: ["read"] }]);
    expect(paths["/api/v1/listings"]?.post?.security).toEqual([{ session: [] }, { apiKey: ["listings"] }]);
    expect(paths["/api/v1/offers/{id}/{action}"]?.post?.security).toEqual([{ session: [] }, { apiKey: ["jobs"] }]);
    expect(paths["/api/v1/me/api-keys"]?.post?.security).toEqual([{ session: [] }]);
    expect(paths["/api/v1/me/webhooks"]?.post?.security).toEqual([{ session: [] }]);
    expect(paths["/api/v1/me/webhooks"]?.get?.security).toEqual([{ session: [] }, { apiKey: ["read"] }]);
    // The agent's routes keep their own machine credential.
    expect(paths["/api/v1/agent/heartbeat"]?.post?.security).toEqual([{ agentCredential: [] }]);
  });
});
