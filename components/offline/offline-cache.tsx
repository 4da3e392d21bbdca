"use client";

import { useEffect } from "react";
import { OFFLINE_PAGES } from "./pages";

const WARM_DELAY_MS = 2_000;

/**
 * Mounted on every signed-in page: registers the service worker (public/sw.js, scope /: offline
 * pages and Web Push) and asks it to keep a copy of the offline pages. `owner` tells the worker
 * whose pages it holds: a different account's copies are dropped before any is kept.
 */
export function OfflineCache({ owner }: { owner: string }) {
  useEffect(() => {
    if (!("serviceWorker" in navigator)) return;
    let cancelled = false;
    const start = async () => {
      await navigator.serviceWorker.register("/sw.js", { scope: "/" });
      const registration = await navigator.serviceWorker.ready;
      if (!cancelled) registration.active?.postMessage({ type: "warm", owner, urls: OFFLINE_PAGES.map((page) => page.href) });
    };
    // Once the page has settled: the worker's install and the warm-up fetch pages of their own.
    const timer = setTimeout(() => {
      start().catch(() => {
        // No worker (private mode, an old browser): the app works online as before.
      });
    }, WARM_DELAY_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [owner]);
  return null;
}
