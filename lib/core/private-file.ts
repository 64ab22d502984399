/**
 * Writes a secret-bearing JSON file (the agent's machine credential, the CLI's API key) so that no
 * other user can read it at any moment: the folder is 0700, the file is created 0600 under a temporary
 * name, synced, then renamed over the old one, so a crash never leaves a half-written or world-readable
 * file. Node-only; used by the agent and the CLI, which share nothing else with the app.
 */
import { randomBytes } from "node:crypto";
import { chmod, mkdir, open, rename } from "node:fs/promises";

export async function writePrivateJson(dir: string, file: string, data: unknown): Promise<string> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  // mkdir's mode is masked by the umask and ignored for an existing directory.
  await chmod(dir, 0o700);
  const tmp = `${file}.${randomBytes(6).toString("hex")}.tmp`;
  const handle = await open(tmp, "wx", 0o600);
  try {
    await handle.writeFile(`${JSON.stringify(data, null, 2)}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await chmod(tmp, 0o600);
  await rename(tmp, file);
  return file;
}
