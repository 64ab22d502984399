/**
 * The toasts on screen: a tiny module-level store read with useSyncExternalStore, so any client
 * component can raise or update a toast without a provider, and the toaster stays free of wagmi.
 */
export type ToastTone = "progress" | "success" | "error";

export interface Toast {
  id: number;
  tone: ToastTone;
  title: string;
  body?: string;
  /** A transaction hash, linked to the chain's explorer by the toaster when there is one. */
  hash?: string;
  /** A machine-readable phase for tests and styling (e.g. wallet, submitted, confirmed, failed). */
  phase?: string;
}

export type ToastInput = Omit<Toast, "id">;

/** Success toasts leave by themselves; progress and errors stay until done or dismissed. */
const SUCCESS_LIFETIME_MS = 10_000;

let toasts: readonly Toast[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const timers = new Map<number, ReturnType<typeof setTimeout>>();

function emit(next: readonly Toast[]) {
  toasts = next;
  for (const listener of listeners) listener();
}

function scheduleExpiry(toast: Toast) {
  clearTimeout(timers.get(toast.id));
  timers.delete(toast.id);
  if (toast.tone === "success")
    timers.set(
      toast.id,
      setTimeout(() => dismissToast(toast.id), SUCCESS_LIFETIME_MS),
    );
}

export function showToast(input: ToastInput): number {
  const toast = { ...input, id: nextId++ };
  emit([...toasts, toast]);
  scheduleExpiry(toast);
  return toast.id;
}

/** Replaces a toast's content; returns false when it is gone (dismissed), so the caller can show a new one. */
export function updateToast(id: number, input: ToastInput): boolean {
  if (!toasts.some((t) => t.id === id)) return false;
  const toast = { ...input, id };
  emit(toasts.map((t) => (t.id === id ? toast : t)));
  scheduleExpiry(toast);
  return true;
}

export function dismissToast(id: number) {
  clearTimeout(timers.get(id));
  timers.delete(id);
  if (toasts.some((t) => t.id === id)) emit(toasts.filter((t) => t.id !== id));
}

export function subscribeToasts(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getToasts(): readonly Toast[] {
  return toasts;
}

const noToasts: readonly Toast[] = [];
/** The server renders no toasts. */
export function getServerToasts(): readonly Toast[] {
  return noToasts;
}
