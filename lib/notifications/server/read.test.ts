import { describe, expect, it } from "vitest";
import { db } from "@/lib/core/server/db";
import { listNotifications, markAllRead, markRead, unreadCount } from "@/lib/notifications/server/read";
import { notify } from "@/lib/notifications/server/notify";
import { createUser } from "@/test/factories";

async function userWithNotices(n: number) {
  const user = await createUser();
  for (let i = 0; i < n; i++) {
    // One by one, so createdAt orders them.
    await db.$transaction((tx) =>
      notify(tx, { userId: user.id, kind: "offer.new", params: { jobTitle: `Job ${i}` }, href: `/jobs/j${i}` }),
    );
  }
  return user;
}

describe("reading one's own notifications", () => {
  it("lists newest first, honours the limit and the unread filter, and counts unread", async () => {
    const user = await userWithNotices(3);
    const all = await listNotifications(user.id);
    expect(all.map((n) => n.params.jobTitle)).toEqual(["Job 2", "Job 1", "Job 0"]);
    expect(await listNotifications(user.id, { limit: 2 })).toHaveLength(2);
    expect(await unreadCount(user.id)).toBe(3);

    await markRead(user.id, all[1]!.id);
    expect(await unreadCount(user.id)).toBe(2);
    expect((await listNotifications(user.id, { unreadOnly: true })).map((n) => n.params.jobTitle)).toEqual(["Job 2", "Job 0"]);
  });

  it("never touches another user's notices", async () => {
    const owner = await userWithNotices(2);
    const other = await userWithNotices(1);
    const [notice] = await listNotifications(owner.id);
    expect(await markRead(other.id, notice!.id)).toBeNull();
    expect(await unreadCount(owner.id)).toBe(2);

    expect(await markAllRead(other.id)).toBe(1);
    expect(await unreadCount(other.id)).toBe(0);
    expect(await unreadCount(owner.id)).toBe(2);
    expect(await markRead(owner.id, "not a valid id!")).toBeNull();
  });
});
