/**
 * Where the CLI keeps the server and the API key: $IDLEGRID_CONFIG_DIR/config.json, by default
 * ~/.config/idlegrid (or $XDG_CONFIG_HOME/idlegrid). The key acts as its owner, so the file is 0600
 * in a 0700 directory, written atomically, and a file other users can read is refused, as ssh does.
 * IDLEGRID_SERVER and IDLEGRID_API_KEY override what is saved, for CI jobs that keep no files.
 */
import { readFile, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { writePrivateJson } from "../lib/core/private-file";
import { CliError } from "./errors";

const configSchema = z.object({
  server: z.url({ protocol: /^https?$/ }),
  apiKey: z.string().min(1),
  savedAt: z.iso.datetime(),
});
export type CliConfig = z.infer<typeof configSchema>;

export type Env = Record<string, string | undefined>;

export function configDir(env: Env): string {
  if (env.IDLEGRID_CONFIG_DIR) return env.IDLEGRID_CONFIG_DIR;
  return path.join(env.XDG_CONFIG_HOME || path.join(env.HOME || os.homedir(), ".config"), "idlegrid");
}

export const configFile = (dir: string) => path.join(dir, "config.json");

export async function writeConfig(dir: string, config: CliConfig): Promise<string> {
  return writePrivateJson(dir, configFile(dir), configSchema.parse(config));
}

export async function removeConfig(dir: string): Promise<boolean> {
  const file = configFile(dir);
  const existed = await stat(file).then(
    () => true,
    () => false,
  );
  await rm(file, { force: true });
  return existed;
}

/** The saved config, or null when there is none. A file that exists but is unsafe or unreadable is an error. */
export async function readConfig(dir: string): Promise<CliConfig | null> {
  const file = configFile(dir);
  let text: string;
  try {
    const mode = (await stat(file)).mode & 0o777;
    if ((mode & 0o077) !== 0) throw new CliError(`${file} is mode ${mode.toString(8)}, readable by other users; run chmod 600 ${file}`);
    text = await readFile(file, "utf8");
  } catch (e) {
    if (e instanceof CliError) throw e;
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw new CliError(`cannot read ${file}: ${(e as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new CliError(`${file} is not JSON; run idlegrid login again`);
  }
  const parsed = configSchema.safeParse(json);
  if (!parsed.success) throw new CliError(`${file} is incomplete; run idlegrid login again`);
  return parsed.data;
}

/** Server and key for a command: the environment first, then the saved config. */
export async function settings(env: Env): Promise<{ server: string; apiKey: string }> {
  const saved = await readConfig(configDir(env));
  const server = env.IDLEGRID_SERVER || saved?.server;
  const apiKey = env.IDLEGRID_API_KEY || saved?.apiKey;
  if (!server || !apiKey) throw new CliError("not logged in: run idlegrid login, or set IDLEGRID_SERVER and IDLEGRID_API_KEY");
  return { server, apiKey };
}
