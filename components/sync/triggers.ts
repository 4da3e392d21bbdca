/** What makes a browser's engine sync, and what it hears about the network. */
export interface TriggerHandlers {
  pull(): void;
  online(): void;
  offline(): void;
}

export const PULL_INTERVAL_MS = 60_000;
export const POKE_URL = "/api/sync/poke";

/** Pull on focus, on becoming visible, every minute, on `online` and on a poke; returns the detach. */
export function watchTriggers(handlers: TriggerHandlers): () => void {
  if (typeof window === "undefined") return () => {};
  const onVisibility = () => {
    if (document.visibilityState === "visible") handlers.pull();
  };
  window.addEventListener("focus", handlers.pull);
  document.addEventListener("visibilitychange", onVisibility);
  window.addEventListener("online", handlers.online);
  window.addEventListener("offline", handlers.offline);
  const interval = window.setInterval(handlers.pull, PULL_INTERVAL_MS);
  // EventSource reconnects by itself after a dropped connection; pokes sent while it was away are
  // lost, so every (re)open pulls.
  const pokes = typeof EventSource === "undefined" ? null : new EventSource(POKE_URL);
  pokes?.addEventListener("poke", handlers.pull);
  pokes?.addEventListener("open", handlers.pull);
  return () => {
    window.removeEventListener("focus", handlers.pull);
    document.removeEventListener("visibilitychange", onVisibility);
    window.removeEventListener("online", handlers.online);
    window.removeEventListener("offline", handlers.offline);
    window.clearInterval(interval);
    pokes?.close();
  };
}

export const browserOnline = (): boolean => (typeof navigator === "undefined" ? true : navigator.onLine);
