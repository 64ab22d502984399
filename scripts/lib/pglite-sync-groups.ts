/**
 * PGlite is one Postgres session. @electric-sql/pglite-socket 0.2.17 shares it
 * between connections by queueing every protocol *message* on its own, so
 * outside a transaction the Parse/Bind/Execute of one client can interleave
 * with another client's, and each clobbers the other's unnamed statement and
 * portal (seen as sporadic wrong results and "null" rows when the app, the
 * indexer and a test query at once). This wraps the server's queue so that an
 * extended-query group (everything up to and including Sync or Flush) reaches
 * PGlite as one unit; the library's own rule (a client inside a transaction
 * keeps the session until it ends) then holds per group.
 */
type OnData = (data: Uint8Array) => void;

interface QueryQueue {
  enqueue(handlerId: number, message: Uint8Array, onData: OnData): Promise<number>;
}

/** Message types of the extended query protocol that wait for their Sync/Flush. */
const GROUPED = new Set(["P", "B", "D", "E", "C"].map((c) => c.charCodeAt(0)));
const GROUP_END = new Set(["S", "H"].map((c) => c.charCodeAt(0)));

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

export function groupExtendedQueries(server: object): void {
  const queue = (server as { queryQueue?: QueryQueue }).queryQueue;
  if (!queue || typeof queue.enqueue !== "function") {
    throw new Error("pglite-socket internals changed: queryQueue.enqueue not found (update scripts/lib/pglite-sync-groups.ts)");
  }
  const enqueue = queue.enqueue.bind(queue);
  const pending = new Map<number, Uint8Array[]>();

  queue.enqueue = (handlerId, message, onData) => {
    const type = message[0] ?? 0;
    const buffered = pending.get(handlerId);
    if (GROUPED.has(type)) {
      if (buffered) buffered.push(message);
      else pending.set(handlerId, [message]);
      // Nothing is sent to PGlite yet, so nothing comes back for this message.
      return Promise.resolve(0);
    }
    if (buffered) {
      pending.delete(handlerId);
      // Sync/Flush closes the group; anything else (never expected mid-group) is sent right after it, in order.
      if (GROUP_END.has(type)) return enqueue(handlerId, concat([...buffered, message]), onData);
      return enqueue(handlerId, concat(buffered), onData).then(() => enqueue(handlerId, message, onData));
    }
    return enqueue(handlerId, message, onData);
  };
}
