/*
 * BioSync's service worker (hand-written: no build step bundles it).
 *
 * Web Push: shows notifications and opens them. A push carries JSON { title, body, url, tag }
 * (server/account/notifications/push/send.ts); the tag is the notification's dedupe key, so a
 * repeat replaces the one shown instead of adding another.
 *
 * Offline: the app shell (/_next/static, icons, fonts) cache-first; page navigations and RSC
 * requests network-first with a 3 s timeout, falling back to the cached copy of that URL, else (a
 * navigation) the /offline page. Never cached: /api, /admin, the auth pages, anything not a GET.
 * components/offline/offline-cache.tsx asks it to warm the offline pages after sign-in; sign-out
 * deletes every cache (clearOfflineCaches in components/offline/caches.ts).
 */

const ICON = "/icons/icon-192.png";

/** An app path to open, or "/" for anything that is not a same-origin path. */
function appPath(url) {
  if (typeof url !== "string" || !url.startsWith("/") || url.startsWith("//")) return "/";
  const resolved = new URL(url, self.location.origin);
  return resolved.origin === self.location.origin ? resolved.pathname + resolved.search + resolved.hash : "/";
}

function messageOf(event) {
  if (!event.data) return null;
  try {
    const data = event.data.json();
    return data && typeof data.title === "string" ? data : null;
  } catch {
    return null;
  }
}

const VERSION = "v1";
const SHELL_CACHE = `biosync-shell-${VERSION}`;
const PAGES_CACHE = `biosync-pages-${VERSION}`;
const RSC_CACHE = `biosync-rsc-${VERSION}`;
const CACHES = [SHELL_CACHE, PAGES_CACHE, RSC_CACHE];
const OFFLINE_URL = "/offline";
const NETWORK_TIMEOUT_MS = 3000;
const RSC_ENTRIES = 200;
/** Whose pages PAGES_CACHE holds (a key in it), so another account's copies are never shown. */
const OWNER_KEY = "/__biosync-offline-owner";
const SHELL_PATHS = /^\/(_next\/static\/|icons\/|icon\.svg$|icon\.png$|apple-icon\.png$|favicon\.ico$|manifest\.webmanifest$)/;
const NEVER_CACHED = /^\/(api|admin|sign-in|register|forgot-password|reset-password|verify-email|confirm-email|team-invite|unsubscribe)(\/|$)/;

/** How a request is answered: "shell", "page", "rsc" or null (straight to the network). */
function strategyOf(request) {
  if (request.method !== "GET") return null;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return null;
  if (SHELL_PATHS.test(url.pathname)) return "shell";
  if (NEVER_CACHED.test(url.pathname)) return null;
  if (request.headers.get("RSC") === "1" || url.searchParams.has("_rsc")) return url.searchParams.has("_rsc") ? "rsc" : null;
  return request.mode === "navigate" ? "page" : null;
}

/** A response worth keeping: a whole, same-origin 200 that is not the end of a redirect. */
const keepable = (response) => response.ok && response.status === 200 && response.type === "basic" && !response.redirected;

/** The static assets a page's HTML names, to keep with it. */
function assetsOf(html) {
  return [...new Set(html.match(/\/_next\/static\/[^"'\s)\\]+/g) || [])];
}

async function keepAssets(html) {
  const cache = await caches.open(SHELL_CACHE);
  for (const asset of assetsOf(html)) {
    if (!(await cache.match(asset))) await cache.add(asset).catch(() => {});
  }
}

async function trim(cacheName, max) {
  const cache = await caches.open(cacheName);
  const keys = await cache.keys();
  for (const key of keys.slice(0, Math.max(0, keys.length - max))) await cache.delete(key);
}

async function cacheFirst(request) {
  const cache = await caches.open(SHELL_CACHE);
  const hit = await cache.match(request, { ignoreVary: true });
  if (hit) return hit;
  const response = await fetch(request);
  if (keepable(response)) await cache.put(request, response.clone());
  return response;
}

/** The network's answer within NETWORK_TIMEOUT_MS (kept in `cacheName` when whole), else `fallback()`. */
async function networkFirst(event, cacheName, fallback) {
  const request = event.request;
  const network = fetch(request).then((response) => {
    if (keepable(response)) {
      const copy = response.clone();
      event.waitUntil(
        caches
          .open(cacheName)
          .then((cache) => cache.put(request.url, copy))
          .then(() => (cacheName === RSC_CACHE ? trim(RSC_CACHE, RSC_ENTRIES) : undefined))
          .catch(() => {}),
      );
    }
    return response;
  });
  let timer;
  const timeout = new Promise((resolve) => (timer = setTimeout(resolve, NETWORK_TIMEOUT_MS, null)));
  const first = await Promise.race([network.catch(() => null), timeout]);
  clearTimeout(timer);
  if (first) return first;
  const cached = await caches.match(request.url, { cacheName, ignoreVary: true });
  if (cached) return cached;
  const late = await network.catch(() => null);
  return late || fallback();
}

async function offlinePage() {
  return (await caches.match(OFFLINE_URL, { cacheName: SHELL_CACHE })) || Response.error();
}

/** Fetches a page (and its assets) into `cacheName` at `url`; false when it did not come whole. */
async function keepPage(cacheName, url) {
  // Not following redirects: a page that sends this account elsewhere (onboarding) is not kept, nor rendered.
  const response = await fetch(url, { credentials: "same-origin", redirect: "manual", headers: { accept: "text/html" } }).catch(() => null);
  if (!response || !keepable(response)) return false;
  const html = await response.clone().text();
  await (await caches.open(cacheName)).put(url, response).catch(() => {});
  await keepAssets(html);
  return true;
}

/** After sign-in: keeps a copy of each offline page not kept yet (of this owner). */
async function warm(owner, urls) {
  const cache = await caches.open(PAGES_CACHE);
  const previous = await cache.match(OWNER_KEY);
  if (!previous || (await previous.text()) !== owner) {
    await caches.delete(PAGES_CACHE);
    await caches.delete(RSC_CACHE);
    await (await caches.open(PAGES_CACHE)).put(OWNER_KEY, new Response(owner));
  }
  for (const url of urls) {
    if (typeof url !== "string" || !url.startsWith("/") || NEVER_CACHED.test(url)) continue;
    if (!(await caches.match(url, { cacheName: PAGES_CACHE, ignoreVary: true }))) await keepPage(PAGES_CACHE, url);
  }
}

self.addEventListener("install", (event) => {
  event.waitUntil(keepPage(SHELL_CACHE, OFFLINE_URL).finally(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith("biosync-") && !CACHES.includes(name)) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const strategy = strategyOf(event.request);
  if (strategy === "shell") event.respondWith(cacheFirst(event.request));
  else if (strategy === "page") event.respondWith(networkFirst(event, PAGES_CACHE, offlinePage));
  else if (strategy === "rsc") event.respondWith(networkFirst(event, RSC_CACHE, () => Response.error()));
});

self.addEventListener("message", (event) => {
  const data = event.data;
  if (data && data.type === "warm" && typeof data.owner === "string" && Array.isArray(data.urls)) {
    event.waitUntil(warm(data.owner, data.urls));
  }
});

self.addEventListener("push", (event) => {
  const message = messageOf(event);
  if (!message) return;
  event.waitUntil(
    self.registration.showNotification(message.title, {
      body: typeof message.body === "string" ? message.body : "",
      tag: typeof message.tag === "string" ? message.tag : undefined,
      icon: ICON,
      badge: ICON,
      data: { url: appPath(message.url) },
    }),
  );
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const path = appPath(event.notification.data && event.notification.data.url);
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
      const open = windows.find((client) => new URL(client.url).origin === self.location.origin);
      if (open) {
        await open.focus();
        if ("navigate" in open) await open.navigate(path);
        return;
      }
      await self.clients.openWindow(path);
    })(),
  );
});
