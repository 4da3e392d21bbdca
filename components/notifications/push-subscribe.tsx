"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc";
import { PUSH_ENDPOINT_TAKEN } from "@/server/account/notifications/push/schemas";

/** Why this browser cannot take push notifications, in words for the user; null when it can. */
export function pushUnsupportedReason(): string | null {
  if (typeof window === "undefined") return null;
  if (!window.isSecureContext) return "Push notifications need a secure (https) connection to BioSync.";
  if (!("serviceWorker" in navigator) || !("PushManager" in window) || !("Notification" in window)) {
    return "This browser does not support push notifications. On an iPhone or iPad, add BioSync to your home screen first.";
  }
  return null;
}

export const PUSH_BLOCKED_MESSAGE = "Notifications are blocked for BioSync in this browser. Allow them in the site settings (the icon next to the address), then try again.";

/** A base64url VAPID key as the bytes pushManager.subscribe() takes. */
function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(base64url.length / 4) * 4, "=");
  const raw = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

const sameKey = (a: ArrayBuffer | null, b: Uint8Array) => a !== null && a.byteLength === b.byteLength && new Uint8Array(a).every((byte, i) => byte === b[i]);

class PushSetupError extends Error {}

/**
 * "Push on this device": asks for the notification permission, registers /sw.js, subscribes with
 * the server's VAPID key and sends the subscription to the server. A subscription this browser holds
 * for another account (or an older key) is dropped and made afresh.
 */
export function usePushSubscribe() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const save = useMutation(trpc.notifications.push.subscribe.mutationOptions());

  return useMutation({
    mutationFn: async () => {
      const unsupported = pushUnsupportedReason();
      if (unsupported) throw new PushSetupError(unsupported);
      if (Notification.permission === "denied") throw new PushSetupError(PUSH_BLOCKED_MESSAGE);
      const permission = Notification.permission === "granted" ? "granted" : await Notification.requestPermission();
      if (permission !== "granted") throw new PushSetupError(permission === "denied" ? PUSH_BLOCKED_MESSAGE : "Allow notifications when the browser asks to get them on this device.");
      await navigator.serviceWorker.register("/sw.js", { scope: "/" });
      const registration = await navigator.serviceWorker.ready;
      const { key } = await queryClient.fetchQuery(trpc.notifications.push.vapidPublicKey.queryOptions());
      const applicationServerKey = keyBytes(key);
      const subscribe = () => registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey });
      let subscription = await registration.pushManager.getSubscription();
      if (subscription && !sameKey(subscription.options.applicationServerKey, applicationServerKey)) {
        await subscription.unsubscribe();
        subscription = null;
      }
      subscription ??= await subscribe();
      const send = (s: PushSubscription) => {
        const json = s.toJSON();
        return save.mutateAsync({ endpoint: s.endpoint, keys: { p256dh: json.keys?.p256dh ?? "", auth: json.keys?.auth ?? "" } });
      };
      try {
        return await send(subscription);
      } catch (error) {
        if ((error as { data?: { reason?: string | null } }).data?.reason !== PUSH_ENDPOINT_TAKEN) throw error;
        await subscription.unsubscribe();
        return send(await subscribe());
      }
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.notifications.push.list.pathKey() }),
  });
}
