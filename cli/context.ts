/** What every command gets: the environment, where to print, and the API client (made when first needed). */
import { Api } from "./api";
import { settings, type Env } from "./config";
import type { Io } from "./errors";

export interface Context {
  env: Env;
  io: Io;
  /** Tests may route requests elsewhere; the CLI uses the global fetch. */
  fetch?: typeof fetch;
  api(): Promise<Api>;
}

export function createContext(env: Env, io: Io, fetchImpl?: typeof fetch): Context {
  let api: Promise<Api> | undefined;
  return {
    env,
    io,
    fetch: fetchImpl,
    api() {
      api ??= settings(env).then((s) => new Api({ ...s, fetch: fetchImpl }));
      return api;
    },
  };
}

/** Flags every listing command understands. */
export interface OutputFlags {
  json?: boolean;
  quiet?: boolean;
}
