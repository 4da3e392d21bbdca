"use client";

import { useEffect } from "react";
import { preloadEveryOnDemand } from "@/components/ui/on-demand";
import { OFFLINE_PAGES } from "./pages";

const WARM_DELAY_MS = 2_000;

/**
 * Mounted on every signed-in page: registers the service worker (public/sw.js, scope /: offline
 * pages and Web Push) and asks it to keep a copy of the offline pages. `owner` tells the worker
 * whose pages it holds: a different account's copies are dropped before any is kept. The code that
 * loads on demand (toasts, menus) is fetched too, so the worker holds it for offline use; then
 * `<html data-offline-ready>` is set.
 */
export function OfflineCache({ owner }: { owner: string }) {
  useEffect(() => {
    if (!("serviceWorker" in navigator)) return;
    let cancelled = false;
    const start = async () => {
      await navigator.serviceWorker.register("/sw.js", { scope: "/" });
      const registration = await navigator.serviceWorker.ready;
      if (cancelled) return;
      registration.active?.postMessage({ type: "warm", owner, urls: OFFLINE_PAGES.map((page) => page.href) });
      // Fetched through the worker, which keeps them: wait until it controls this page (clients.claim).
      if (!navigator.serviceWorker.controller) await new Promise((resolve) => navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }));
      await preloadEveryOnDemand();
      if (!cancelled) document.documentElement.dataset.offlineReady = "true";
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
