import { z } from "zod";
import { singleLineText } from "@/server/inputs";

/* The push router's inputs and outputs (safe to import from the client). */

const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/;

/** Bytes of a base64url string (padding allowed), or -1 when it is not base64url. */
function decodedLength(value: string): number {
  if (!BASE64URL.test(value)) return -1;
  const bare = value.replace(/=+$/, "");
  return bare.length % 4 === 1 ? -1 : Math.floor((bare.length * 3) / 4);
}

const base64urlKey = (name: string, bytes: number, max: number) =>
  singleLineText({ max, min: 1, minMessage: `The subscription's ${name} key is missing.` }).refine((value) => decodedLength(value) === bytes, {
    message: `The subscription's ${name} key must be ${bytes} bytes of base64url.`,
  });

/**
 * A browser's PushSubscription as `subscription.toJSON()` gives it (RFC 8291 keys: the P-256 public
 * key uncompressed, 65 bytes, and a 16-byte auth secret). Which endpoints are accepted (https; a
 * loopback one only for a local fake) is the domain's rule (endpoint-policy.ts).
 */
export const pushSubscribeInput = z.object({
  endpoint: singleLineText({ max: 2048, min: 1, minMessage: "The subscription has no endpoint." }),
  keys: z.object({
    p256dh: base64urlKey("p256dh", 65, 100),
    auth: base64urlKey("auth", 16, 30),
  }),
  /** A name for the device list; default: browser and system from the request's user agent. */
  label: singleLineText({ max: 80 }).optional(),
});
export type PushSubscribeInput = z.infer<typeof pushSubscribeInput>;

export const pushDeviceInput = z.object({ id: z.uuid() });

export const pushDeviceView = z.object({
  id: z.string(),
  label: z.string(),
  /** The push service's host (fcm.googleapis.com, updates.push.services.mozilla.com…), never the full endpoint. */
  service: z.string(),
  createdAt: z.date(),
  lastSuccessAt: z.date().nullable(),
  failureCount: z.number().int(),
  disabledAt: z.date().nullable(),
});
export type PushDeviceView = z.infer<typeof pushDeviceView>;

export const PUSH_TEST_OUTCOMES = ["sent", "removed", "failed"] as const;
export const pushTestOutput = z.object({ outcome: z.enum(PUSH_TEST_OUTCOMES), status: z.number().int().nullable() });

/** The reason a subscribe is refused because the endpoint is registered to another account. */
export const PUSH_ENDPOINT_TAKEN = "push.endpoint-taken";
