// Preloaded into the Prisma CLI (node -r) for one fix: its WASM schema engine arms a 10-second
// timer that keeps Node alive after `migrate deploy` has finished. Long timers
// are unref'd, so they still fire while work is pending but no longer hold the
// process open; this saves ten seconds on every dev start and test run.
const realSetTimeout = globalThis.setTimeout;
globalThis.setTimeout = function patchedSetTimeout(fn, ms, ...args) {
  const timer = realSetTimeout(fn, ms, ...args);
  if (typeof ms === "number" && ms >= 5000 && timer && typeof timer.unref === "function") timer.unref();
  return timer;
};
process.env.CHECKPOINT_DISABLE ??= "1";
