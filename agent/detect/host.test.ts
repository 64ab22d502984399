import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { hardwareSchema } from "../protocol";
import { detectHost, diskOf, parseCpuinfo, parseMeminfoTotalMiB, parseOsRelease } from "./host";

describe("host parsers", () => {
  it("reads MemTotal in MiB", () => {
    expect(parseMeminfoTotalMiB("MemTotal:       2113441176 kB\nMemFree:        2051234560 kB\n")).toBe(2063907);
    expect(parseMeminfoTotalMiB("MemFree: 1 kB\n")).toBeNull();
  });

  it("counts physical cores across sockets and hyper-threads", () => {
    // Two sockets, two cores each, two threads per core: 8 logical CPUs, 4 cores.
    const block = (proc: number, physical: number, core: number) =>
      `processor\t: ${proc}\nvendor_id\t: AuthenticAMD\nmodel name\t: AMD EPYC 9654 96-Core Processor\nphysical id\t: ${physical}\ncore id\t\t: ${core}\n`;
    const text = [
      block(0, 0, 0),
      block(1, 0, 1),
      block(2, 1, 0),
      block(3, 1, 1),
      block(4, 0, 0),
      block(5, 0, 1),
      block(6, 1, 0),
      block(7, 1, 1),
    ].join("\n");
    expect(parseCpuinfo(text)).toEqual({ model: "AMD EPYC 9654 96-Core Processor", cores: 4 });
  });

  it("says it does not know the core count when cpuinfo has no core ids (ARM, some VMs)", () => {
    expect(parseCpuinfo("processor\t: 0\nBogoMIPS\t: 50.00\nCPU implementer\t: 0x41\n\nprocessor\t: 1\n")).toEqual({
      model: null,
      cores: null,
    });
  });

  it("unquotes PRETTY_NAME", () => {
    expect(parseOsRelease('NAME="Ubuntu"\nPRETTY_NAME="Ubuntu 22.04.4 LTS"\nID=ubuntu\n')).toBe("Ubuntu 22.04.4 LTS");
    expect(parseOsRelease("PRETTY_NAME=Alpine\n")).toBe("Alpine");
    expect(parseOsRelease("NAME=x\n")).toBeNull();
  });
});

describe("detectHost", () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it("measures the data dir's filesystem, or its nearest existing parent before it exists", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "idlegrid-host-"));
    dirs.push(dir);
    const disk = await diskOf(dir);
    expect(disk?.path).toBe(dir);
    expect(disk?.totalBytes).toBeGreaterThan(0);
    expect(disk?.freeBytes).toBeLessThanOrEqual(disk?.totalBytes ?? 0);
    expect((await diskOf(path.join(dir, "not", "yet")))?.path).toBe(dir);
  });

  it("fills the report's host fields with values the server accepts", async () => {
    const host = await detectHost(os.tmpdir());
    expect(hardwareSchema.pick({ hostname: true, os: true, cpu: true, memoryMiB: true, disk: true }).parse(host)).toEqual(host);
    expect(host.cpu.threads).toBe(os.cpus().length);
  });
});
