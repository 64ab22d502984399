import { describe, expect, it } from "vitest";
import { POST as postRead } from "@/app/api/v1/notifications/[id]/read/route";
import { GET as getNotifications } from "@/app/api/v1/notifications/route";
import { notificationMessage } from "@/lib/notifications/messages";
import { browserHeaders, signedInHeaders } from "@/test/auth";
import { createUser } from "@/test/factories";
import { matchingProvider, offerOn, openJob } from "@/test/jobs";

const base = "http://localhost:3000";
const noParams = { params: Promise.resolve({}) };
const idParams = (id: string) => ({ params: Promise.resolve({ id }) });
const get = async (headers: Headers, query = "") =>
  getNotifications(new Request(`${base}/api/v1/notifications${query}`, { headers }), noParams);
const read = async (headers: Headers, id: string) =>
  postRead(new Request(`${base}/api/v1/notifications/${id}/read`, { method: "POST", headers }), idParams(id));

describe("the notification inbox API", () => {
  it("lists a buyer's new-offer notice as unread, and reading it clears the count without touching others' notices", async () => {
    const { buyer, job } = await openJob();
    const provider = await matchingProvider();
    await offerOn(job.id, provider, "1.75");
    const headers = await signedInHeaders(buyer.id);

    const before = await (await get(headers)).json();
    expect(before.unreadCount).toBe(1);
    expect(before.items).toHaveLength(1);
    const [notice] = before.items;
    expect(notice).toMatchObject({ kind: "offer.new", href: `/jobs/${job.id}`, readAt: null });
    expect(notificationMessage(notice.kind, notice.params, "USDC")).toBe(`New offer on “${job.title}” at 1.75 USDC per GPU-hour.`);

    // The provider cannot read (or even find) the buyer's notice.
    const stranger = await read(await signedInHeaders(provider.provider.id), notice.id);
    expect(stranger.status).toBe(404);
    expect((await (await get(headers)).json()).unreadCount).toBe(1);

    const res = await read(headers, notice.id);
    expect(res.status).toBe(200);
    const marked = await res.json();
    expect(typeof marked.readAt).toBe("string");
    const after = await (await get(headers, "?unread=1")).json();
    expect(after).toEqual({ items: [], unreadCount: 0 });
    // Reading again keeps the first read time.
    expect((await (await read(headers, notice.id)).json()).readAt).toBe(marked.readAt);
  });

  it("answers 401 without a session, 400 naming a bad parameter, 404 for a malformed id, 403 cross-origin", async () => {
    expect((await get(browserHeaders())).status).toBe(401);
    const headers = await signedInHeaders((await createUser()).id);
    const bad = await get(headers, "?limit=0&unread=yes");
    expect(bad.status).toBe(400);
    expect(Object.keys((await bad.json()).fieldErrors).sort()).toEqual(["limit", "unread"]);
    expect((await read(headers, "../etc")).status).toBe(404);
    const foreign = new Headers(headers);
    foreign.set("origin", "https://evil.example");
    expect((await read(foreign, "abc")).status).toBe(403);
  });
});

describe("notification messages", () => {
  it.each([
    ["offer.accepted", { jobTitle: "T" }, "Your offer on “T” was accepted. The buyer pays into escrow next."],
    [
      "offer.declined",
      { jobTitle: "T", reason: "other_offer_accepted" },
      "Your offer on “T” was declined: the buyer accepted another offer.",
    ],
    ["job.funded", { jobTitle: "T" }, "“T” is funded: the payment is in escrow and you can start."],
    ["job.completed", { jobTitle: "T" }, "“T” is complete: check the result and release the payment."],
    ["job.disputed", { jobTitle: "T" }, "A dispute was opened on “T”."],
    ["job.resolved", { jobTitle: "T" }, "The dispute on “T” was resolved."],
    ["offer.new", { jobTitle: "T", pricePerGpuHour: "not money" }, "New offer on “T”."],
    ["something.else", { jobTitle: "T" }, "Update on “T”."],
  ])("%s reads as a sentence", (kind, params, text) => {
    expect(notificationMessage(kind, params)).toBe(text);
  });
});

describe("GET /api/v1/openapi.json", () => {
  it("documents the inbox endpoints and the Notification shape", async () => {
    const { GET } = await import("@/app/api/v1/openapi.json/route");
    const doc = await GET().json();
    expect(doc.paths["/api/v1/notifications"].get.parameters.map((p: { name: string }) => p.name)).toEqual(["unread", "limit"]);
    expect(Object.keys(doc.paths["/api/v1/notifications/{id}/read"].post.responses)).toEqual(expect.arrayContaining(["200", "401", "404"]));
    expect(doc.components.schemas.Notification.properties.kind.examples).toContain("offer.new");
  });
});
