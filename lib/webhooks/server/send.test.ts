import { afterAll, describe, expect, it } from "vitest";
import { postWebhook } from "@/lib/webhooks/server/send";
import { startReceiver } from "@/test/webhook-receiver";

const receiver = await startReceiver();
afterAll(() => receiver.close());

describe("postWebhook", () => {
  it("refuses a loopback receiver when private addresses are not allowed, by IP and by name, without connecting", async () => {
    const byIp = await postWebhook(receiver.url, {}, "{}", { allowPrivate: false });
    expect(byIp).toMatchObject({ statusCode: null, error: expect.stringContaining("not a public address") });
    const byName = await postWebhook(receiver.url.replace("127.0.0.1", "localhost"), {}, "{}", { allowPrivate: false });
    expect(byName).toMatchObject({ statusCode: null, error: expect.stringContaining("resolves to") });
    expect(receiver.received).toHaveLength(0);
  });

  it("sends the body and headers where private receivers are allowed, and reports non-2xx and timeouts as failures", async () => {
    const ok = await postWebhook(receiver.url, { "webhook-id": "msg_1" }, '{"a":1}', { allowPrivate: true });
    expect(ok).toMatchObject({ statusCode: 200, error: null });
    expect(receiver.received.at(-1)).toMatchObject({ body: '{"a":1}', headers: { "webhook-id": "msg_1" } });
    receiver.script.push(410);
    expect(await postWebhook(receiver.url, {}, "{}", { allowPrivate: true })).toMatchObject({ statusCode: 410, error: "HTTP 410" });
    // Port 9 (discard) on loopback: nothing listens, the connection is refused.
    expect((await postWebhook("http://127.0.0.1:9/", {}, "{}", { allowPrivate: true })).error).toContain("ECONNREFUSED");
  });
});
