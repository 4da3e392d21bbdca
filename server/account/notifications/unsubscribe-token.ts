import { createHmac, timingSafeEqual } from "node:crypto";
import { resolveAuthSecret } from "../auth/secret";
import { NOTIFICATION_KINDS, type NotificationKind } from "./sources";

/*
 * An unsubscribe link works without signing in, for as long as the account exists: the token is
 * `<user id>.<kind>.<HMAC-SHA256 of both>` under a key derived from the auth secret (so rotating
 * AUTH_SECRET retires every link, and no other use of the secret yields the same MAC).
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const PURPOSE = "biosync/notifications/unsubscribe/v1";

function mac(userId: string, kind: NotificationKind, secret: string): Buffer {
  const key = createHmac("sha256", secret).update(PURPOSE).digest();
  return createHmac("sha256", key).update(`${userId}\n${kind}`).digest();
}

export function unsubscribeToken(userId: string, kind: NotificationKind, secret: string = resolveAuthSecret()): string {
  return `${userId}.${kind}.${mac(userId, kind, secret).toString("base64url")}`;
}

export type TokenCheck = { ok: true; userId: string; kind: NotificationKind } | { ok: false; reason: "malformed" | "forged" };

export function verifyUnsubscribeToken(token: string, secret: string = resolveAuthSecret()): TokenCheck {
  const [userId, kind, signature, ...rest] = token.split(".");
  if (rest.length || !userId || !UUID.test(userId) || !signature || !(NOTIFICATION_KINDS as readonly string[]).includes(kind ?? "")) return { ok: false, reason: "malformed" };
  const expected = mac(userId, kind as NotificationKind, secret);
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "forged" };
  return { ok: true, userId, kind: kind as NotificationKind };
}
