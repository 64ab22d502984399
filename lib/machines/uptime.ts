/**
 * Time rules of the agent's liveness, shared by the heartbeat, the sweeper and their tests. Online
 * time is stored as merged intervals (MachineUptime), heartbeat numbers as 5-minute buckets
 * (MachineSample), so storage grows with outages and hours, never with heartbeats.
 */

/** One MachineSample row per machine per this many milliseconds. */
export const SAMPLE_BUCKET_MS = 5 * 60 * 1000;

/** Uptime is the share of this window (or of the time since first seen, if shorter) spent online. */
export const UPTIME_WINDOW_MS = 30 * 24 * 60 * 60 * 1000;

/** Intervals that ended longer ago than this are no longer needed for the window and are deleted. */
export const INTERVAL_RETENTION_MS = UPTIME_WINDOW_MS + 24 * 60 * 60 * 1000;

export function bucketStart(at: Date): Date {
  return new Date(Math.floor(at.getTime() / SAMPLE_BUCKET_MS) * SAMPLE_BUCKET_MS);
}

/** Whether a heartbeat at `now` continues the interval last seen at `lastSeenAt` (else a new one opens). */
export function extendsInterval(lastSeenAt: Date, now: Date, offlineAfterMs: number): boolean {
  const gap = now.getTime() - lastSeenAt.getTime();
  return gap >= 0 && gap <= offlineAfterMs;
}

/** "99.5" from basis points, for display; null stays null (no agent, or never seen). */
export function uptimePercentText(basisPoints: number | null): string | null {
  return basisPoints === null ? null : (basisPoints / 100).toFixed(1);
}
