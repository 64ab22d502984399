/**
 * The paired machine's config: server URL, machine id and its credential. The credential lets
 * anyone report as this machine, so the file is 0600 in a 0700 directory, written atomically (a
 * crash mid-write must not leave half a credential), and a looser mode is reported by doctor.
 */
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { writePrivateJson } from "../lib/core/private-file";

const configSchema = z.object({
  server: z.url({ protocol: /^https?$/ }),
  machineId: z.string().min(1),
  listingId: z.string().min(1),
  credential: z.string().min(1),
  pairedAt: z.iso.datetime(),
});
export type AgentConfig = z.infer<typeof configSchema>;

export class ConfigError extends Error {}

export const configFile = (home: string) => path.join(home, "config.json");

export async function writeConfig(home: string, config: AgentConfig): Promise<string> {
  return writePrivateJson(home, configFile(home), configSchema.parse(config));
}

/** The config, or null when the machine was never paired. A file that exists but does not parse is an error, not "unpaired". */
export async function readConfig(home: string): Promise<AgentConfig | null> {
  let text: string;
  try {
    text = await readFile(configFile(home), "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw new ConfigError(`cannot read ${configFile(home)}: ${(e as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ConfigError(`${configFile(home)} is not JSON; pair again to rewrite it`);
  }
  const parsed = configSchema.safeParse(json);
  if (!parsed.success) throw new ConfigError(`${configFile(home)} is incomplete; pair again to rewrite it`);
  return parsed.data;
}

/** Sentences for each way the config's file modes let other users in. */
export async function configPermissionProblems(home: string): Promise<string[]> {
  const problems: string[] = [];
  for (const [target, wanted] of [
    [home, 0o700],
    [configFile(home), 0o600],
  ] as const) {
    try {
      const mode = (await stat(target)).mode & 0o777;
      if ((mode & 0o077) !== 0) problems.push(`${target} is mode ${mode.toString(8)}; run chmod ${wanted.toString(8)} ${target}`);
    } catch {
      // absent: nothing to leak
    }
  }
  return problems;
}
