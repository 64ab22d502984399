import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Supervisor } from "./supervisor";

function alive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe("Supervisor", () => {
  it("reaps the children of a run that died without cleaning up", async () => {
    const pidFile = path.join(mkdtempSync(path.join(os.tmpdir(), "sup-")), "pids.json");
    const crashed = new Supervisor(pidFile);
    // A child that ignores SIGTERM, like a wedged server, plus one of its own children.
    const child = crashed.spawn("stubborn", "bash", ["-c", "trap '' TERM; sleep 60 & wait"], {
      logFile: path.join(path.dirname(pidFile), "log"),
    });
    await new Promise((r) => setTimeout(r, 200));
    expect(alive(child.pid as number)).toBe(true);

    // The next run finds the pid file and stops what is left, escalating to SIGKILL.
    const next = new Supervisor(pidFile);
    expect(await next.reapStale()).toBe(1);
    expect(alive(child.pid as number)).toBe(false);
    expect(await next.reapStale()).toBe(0);
  }, 20_000);

  it("stops children in reverse start order", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "sup-"));
    const sup = new Supervisor(path.join(dir, "pids.json"));
    const first = sup.spawn("first", "sleep", ["60"], { logFile: path.join(dir, "log") });
    const second = sup.spawn("second", "sleep", ["60"], { logFile: path.join(dir, "log") });
    const order: string[] = [];
    first.on("exit", () => order.push("first"));
    second.on("exit", () => order.push("second"));
    await sup.stopAll();
    await new Promise((r) => setTimeout(r, 50));
    expect(order).toEqual(["second", "first"]);
  });
});
