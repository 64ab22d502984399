import "server-only";
/**
 * Structured JSON logs (pino), one line per event, with the request id of the request being served
 * (carried by AsyncLocalStorage through a route handler, so deep code needs no parameter for it).
 * LOG_LEVEL sets the level; tests default to "warn" so their output stays readable.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { pino, type DestinationStream, type Logger } from "pino";

export interface RequestContext {
  requestId: string;
}

const globals = globalThis as typeof globalThis & { __idlegridRequestContext?: AsyncLocalStorage<RequestContext>; __idlegridLog?: Logger };

/** One store per process, also across Next's dev reloads, which re-evaluate modules. */
export const requestContext = (globals.__idlegridRequestContext ??= new AsyncLocalStorage<RequestContext>());

/** The process's logger, or one writing to `destination` (tests read what it wrote). */
export function createLogger(destination?: DestinationStream): Logger {
  const options = {
    level: process.env.LOG_LEVEL ?? (process.env.VITEST ? "warn" : "info"),
    base: { service: process.env.IDLEGRID_SERVICE ?? "app" },
    timestamp: pino.stdTimeFunctions.isoTime,
    mixin: () => {
      const ctx = requestContext.getStore();
      return ctx ? { requestId: ctx.requestId } : {};
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

export const log: Logger = (globals.__idlegridLog ??= createLogger());
