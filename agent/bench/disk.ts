/**
 * Sequential disk throughput on the data dir's filesystem: write a file with fsync (so the figure is
 * the disk's, not the page cache's), then read it back. Plain node:fs, no fio, so it runs anywhere.
 */
import { randomBytes } from "node:crypto";
import { mkdir, open, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

export interface DiskBench {
  path: string;
  sizeBytes: number;
  writeMBps: number;
  readMBps: number;
  readMayBeCached: boolean;
}

const chunkBytes = 4 * 1024 * 1024;

const mbps = (bytes: number, ms: number) => Math.round((bytes / 1e6 / (ms / 1000)) * 10) / 10;

export async function benchDisk(dir: string, sizeBytes: number): Promise<DiskBench> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, `.idlegrid-bench-${randomBytes(6).toString("hex")}`);
  // Random bytes so compressing or deduplicating filesystems (ZFS, btrfs) cannot flatter the result.
  const chunk = randomBytes(chunkBytes);
  try {
    const writeStart = performance.now();
    const out = await open(file, "wx", 0o600);
    try {
      for (let written = 0; written < sizeBytes; written += chunkBytes) {
        await out.write(chunk, 0, Math.min(chunkBytes, sizeBytes - written));
      }
      await out.sync();
    } finally {
      await out.close();
    }
    const writeMs = performance.now() - writeStart;

    const readStart = performance.now();
    const input = await open(file, "r");
    let read = 0;
    try {
      for (;;) {
        const { bytesRead } = await input.read(chunk, 0, chunkBytes, null);
        if (bytesRead === 0) break;
        read += bytesRead;
      }
    } finally {
      await input.close();
    }
    const readMs = performance.now() - readStart;
    if (read !== sizeBytes) throw new Error(`read back ${read} of ${sizeBytes} bytes from ${file}`);

    return {
      path: dir,
      sizeBytes,
      writeMBps: mbps(sizeBytes, writeMs),
      readMBps: mbps(sizeBytes, readMs),
      // Dropping the page cache needs root and disturbs the host; a file that fits in RAM was likely read from it.
      readMayBeCached: sizeBytes < os.totalmem(),
    };
  } finally {
    await rm(file, { force: true });
  }
}
