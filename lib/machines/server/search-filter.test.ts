/**
 * The marketplace's agent filters on the real database: "online now" and a minimum 30-day uptime read
 * the columns the heartbeat and the sweep keep on the listing, the rows carry "verified by agent",
 * and junk parameters are named.
 */
import { describe, expect, it } from "vitest";
import { db } from "@/lib/core/server/db";
import { searchListings } from "@/lib/listings/server/search";
import { parseSearchParams, filtersToParams, type SearchQuery } from "@/lib/listings/search-schema";
import { recordHeartbeat } from "@/lib/machines/server/heartbeat";
import { sweepAgents } from "@/lib/machines/server/sweeper";
import { createMachine } from "@/test/factories";
import { heartbeatFor, pairedMachine } from "@/test/agent";

function query(qs: string): SearchQuery {
  const parsed = parseSearchParams(new URLSearchParams(qs));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
  return parsed.query;
}

describe("searching by what the agent measured", () => {
  it("filters on online now and on minimum 30-day uptime", async () => {
    // A region of its own (user-assigned ISO code), so other tests' listings stay out.
    const region = "XM";
    const now = new Date();
    const hourAgo = new Date(now.getTime() - 3_600_000);
    const steady = await pairedMachine({ now: hourAgo });
    const flaky = await pairedMachine({ now: hourAgo });
    const gone = await pairedMachine({ now: hourAgo });
    const declaredOnly = await createMachine(steady.provider.id, { country: region });
    await db.machine.updateMany({
      where: { id: { in: [steady.machine.id, flaky.machine.id, gone.machine.id] } },
      data: { country: region },
    });
    // steady: online the whole hour; flaky: the last 10 minutes of it; gone: the first 5 minutes, then silent.
    for (let s = 3600; s >= 0; s -= 60)
      await recordHeartbeat(steady.machine.id, heartbeatFor(steady.hw), new Date(now.getTime() - s * 1000), 120_000);
    await recordHeartbeat(flaky.machine.id, heartbeatFor(flaky.hw), hourAgo, 120_000);
    for (let s = 600; s >= 0; s -= 60)
      await recordHeartbeat(flaky.machine.id, heartbeatFor(flaky.hw), new Date(now.getTime() - s * 1000), 120_000);
    for (let s = 3600; s >= 3300; s -= 60)
      await recordHeartbeat(gone.machine.id, heartbeatFor(gone.hw), new Date(now.getTime() - s * 1000), 120_000);
    await sweepAgents(now, db, { offlineAfterMs: 120_000 });

    const ids = async (qs: string) => (await searchListings(query(`region=${region}&${qs}`))).items.map((i) => i.id).sort();
    expect(await ids("")).toEqual([steady.machine.id, flaky.machine.id, gone.machine.id, declaredOnly.id].sort());
    expect(await ids("onlineNow=1")).toEqual([steady.machine.id, flaky.machine.id].sort());
    expect(await ids("minUptime=99")).toEqual([steady.machine.id]);
    expect(await ids("minUptime=15")).toEqual([steady.machine.id, flaky.machine.id].sort());
    expect(await ids("minUptime=10&onlineNow=1")).toEqual([steady.machine.id, flaky.machine.id].sort());
    expect((await searchListings(query(`region=${region}&minUptime=15`))).total).toEqual({ count: 2, capped: false });

    const rows = new Map((await searchListings(query(`region=${region}`))).items.map((i) => [i.id, i.agent]));
    expect(rows.get(steady.machine.id)).toMatchObject({ onlineNow: true, uptime30dPercent: 100, verifiedAt: expect.any(String) });
    expect(rows.get(gone.machine.id)).toMatchObject({ onlineNow: false, verifiedAt: expect.any(String) });
    expect(rows.get(gone.machine.id)?.uptime30dPercent).toBeCloseTo(8.33, 1);
    expect(rows.get(declaredOnly.id)).toEqual({ verifiedAt: null, onlineNow: false, uptime30dPercent: null });
  });

  it("reads and writes the parameters, and names junk", () => {
    expect(query("onlineNow=1&minUptime=99.5").filters).toMatchObject({ onlineNow: true, minUptime: 99.5 });
    expect(query("onlineNow=0").filters.onlineNow).toBeUndefined();
    expect(filtersToParams(query("onlineNow=true&minUptime=90").filters).toString()).toBe("onlineNow=1&minUptime=90");
    const bad = parseSearchParams(new URLSearchParams("onlineNow=yes&minUptime=101"));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(Object.keys(bad.fieldErrors).sort()).toEqual(["minUptime", "onlineNow"]);
  });
});
