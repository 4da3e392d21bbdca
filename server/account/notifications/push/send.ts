import webpush from "web-push";
import { vapidDetails } from "./vapid";

/** What a push carries to the service worker (public/sw.js shows it). */
export interface PushMessage {
  title: string;
  body: string;
  /** An app path opened when the notification is clicked. */
  url: string;
  /** The notification's dedupe key: a device shows one notification per tag. */
  tag: string;
}

export interface PushOptions {
  /** Seconds the push service keeps the message for an offline device. */
  ttl: number;
  urgency: "very-low" | "low" | "normal" | "high";
  /** RFC 8030 topic: a newer message of the same topic replaces one still waiting (≤ 32 base64url characters). */
  topic?: string;
}

export interface PushTarget {
  endpoint: string;
  p256dh: string;
  auth: string;
}

/**
 * What the push service said: delivered (2xx), gone (404/410: the browser unsubscribed, the
 * subscription must go), or failed (any other status, a network error or a timeout).
 */
export type PushResult = { kind: "delivered"; status: number } | { kind: "gone"; status: number } | { kind: "failed"; status: number | null; error: string };

const TIMEOUT_MS = 10_000;

/**
 * One Web Push: web-push encrypts the JSON message for the device (RFC 8291, aes128gcm) and signs a
 * VAPID header (RFC 8292); the request itself goes through fetch (web-push's own sender speaks https
 * only, and a local fake push service is plain http).
 */
export async function sendPush(target: PushTarget, message: PushMessage, options: PushOptions): Promise<PushResult> {
  const details = webpush.generateRequestDetails({ endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } }, JSON.stringify(message), {
    vapidDetails: vapidDetails(),
    TTL: options.ttl,
    urgency: options.urgency,
    topic: options.topic,
    contentEncoding: "aes128gcm",
  });
  const headers = Object.fromEntries(Object.entries(details.headers).map(([name, value]) => [name, String(value)]));
  let response: Response;
  try {
    response = await fetch(details.endpoint, { method: "POST", headers, body: details.body ? new Uint8Array(details.body) : null, redirect: "error", signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    return { kind: "failed", status: null, error: error instanceof Error ? error.message : String(error) };
  }
  await response.body?.cancel();
  if (response.ok) return { kind: "delivered", status: response.status };
  if (response.status === 404 || response.status === 410) return { kind: "gone", status: response.status };
  return { kind: "failed", status: response.status, error: `push service answered ${response.status}` };
}
