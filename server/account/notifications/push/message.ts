import { createHash } from "node:crypto";
import type { Notification } from "@/db/schema/notifications";
import type { NotificationKind } from "../sources";
import type { PushMessage, PushOptions } from "./send";

const HOUR = 3600;

/**
 * How long a push service keeps each kind for an offline device, and how urgently it delivers it
 * (RFC 8030 §5.2, §5.3): a recovery alert is high, a weekly report can wait for a good moment.
 */
export const PUSH_DELIVERY: Record<NotificationKind, Omit<PushOptions, "topic">> = {
  "daily-summary": { ttl: 12 * HOUR, urgency: "normal" },
  "recovery-alert": { ttl: 24 * HOUR, urgency: "high" },
  "weekly-report": { ttl: 72 * HOUR, urgency: "low" },
};

/** An RFC 8030 topic for a dedupe key: 32 base64url characters of its SHA-256. */
export const topicOf = (dedupeKey: string) => createHash("sha256").update(dedupeKey).digest("base64url").slice(0, 32);

type Pushable = Pick<Notification, "kind" | "title" | "body" | "href" | "dedupeKey">;

export function pushMessageOf(notification: Pushable): PushMessage {
  return { title: notification.title, body: notification.body, url: notification.href, tag: notification.dedupeKey };
}

export function pushOptionsOf(notification: Pushable): PushOptions {
  return { ...PUSH_DELIVERY[notification.kind], topic: topicOf(notification.dedupeKey) };
}
