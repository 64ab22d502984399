import { chmod, mkdtemp, readdir, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AgentConfig, configFile, configPermissionProblems, ConfigError, readConfig, writeConfig } from "./config";

const config: AgentConfig = {
  server: "https://idlegrid.example",
  machineId: "cm0machine",
  listingId: "cm0listing",
  credential: "igm_0123456789abcdef0123456789abcdef",
  pairedAt: "2026-12-01T10:00:00.000Z",
};

describe("config", () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), "idlegrid-config-"));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it("writes the credential 0600 in a 0700 directory, whatever the umask", async () => {
    const home = path.join(root, "a", "idlegrid-agent");
    const previous = process.umask(0o022);
    try {
      await writeConfig(home, config);
    } finally {
      process.umask(previous);
    }
    expect((await stat(home)).mode & 0o777).toBe(0o700);
    expect((await stat(configFile(home))).mode & 0o777).toBe(0o600);
    expect(await readConfig(home)).toEqual(config);
    expect(await readdir(home)).toEqual(["config.json"]);
    expect(await configPermissionProblems(home)).toEqual([]);
  });

  it("tightens a directory that already existed with a looser mode", async () => {
    const home = path.join(root, "b");
    await writeConfig(home, config);
    await chmod(home, 0o755);
    await chmod(configFile(home), 0o644);
    expect(await configPermissionProblems(home)).toEqual([
      `${home} is mode 755; run chmod 700 ${home}`,
      `${configFile(home)} is mode 644; run chmod 600 ${configFile(home)}`,
    ]);
    await writeConfig(home, { ...config, machineId: "cm0other" });
    expect((await stat(home)).mode & 0o777).toBe(0o700);
    expect((await stat(configFile(home))).mode & 0o777).toBe(0o600);
    expect((await readConfig(home))?.machineId).toBe("cm0other");
  });

  it("reads an unpaired home as null and a damaged file as an error", async () => {
    expect(await readConfig(path.join(root, "never"))).toBeNull();
    const home = path.join(root, "c");
    await writeConfig(home, config);
    await writeFile(configFile(home), '{"server":');
    await expect(readConfig(home)).rejects.toThrow(ConfigError);
  });
});
