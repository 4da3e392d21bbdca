/*
 * BioSync's service worker: shows Web Push notifications and opens them. A push carries JSON
 * { title, body, url, tag } (server/account/notifications/push/send.ts); the tag is the
 * notification's dedupe key, so a repeat replaces the one shown instead of adding another.
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

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

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
