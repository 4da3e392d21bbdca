import { index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { ownerColumn } from "./auth";
import { notifications } from "./notifications";

/**
 * One browser (or phone) that receives Web Push for a user: the push service's endpoint and the
 * keys the browser made for it (RFC 8291). An endpoint belongs to one account at a time. A device
 * whose push service answered 404/410 is deleted; one that failed FAILURES_BEFORE_DISABLE times in a
 * row is disabled (kept, so the user sees it, until it subscribes again or is removed).
 */
export const pushSubscriptions = pgTable(
  "push_subscriptions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: ownerColumn(),
    endpoint: text("endpoint").notNull().unique(),
    /** The browser's P-256 public key, base64url (65 bytes uncompressed). */
    p256dh: text("p256dh").notNull(),
    /** The browser's auth secret, base64url (16 bytes). */
    auth: text("auth").notNull(),
    /** What the user sees in the device list ("Chrome on Linux"). */
    label: text("label").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSuccessAt: timestamp("last_success_at", { withTimezone: true }),
    failureCount: integer("failure_count").notNull().default(0),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
  },
  (t) => [index("push_subscriptions_user_created_idx").on(t.userId, t.createdAt, t.id)],
);

/**
 * One notification pushed to one device: claimed before the push (pushed_at null while it is in
 * flight), so a job retry or a second run never pushes the same notification to a device twice.
 */
export const pushDeliveries = pgTable(
  "push_deliveries",
  {
    subscriptionId: uuid("subscription_id")
      .notNull()
      .references(() => pushSubscriptions.id, { onDelete: "cascade" }),
    notificationId: uuid("notification_id")
      .notNull()
      .references(() => notifications.id, { onDelete: "cascade" }),
    claimedAt: timestamp("claimed_at", { withTimezone: true }).notNull().defaultNow(),
    pushedAt: timestamp("pushed_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.subscriptionId, t.notificationId] }), index("push_deliveries_notification_idx").on(t.notificationId)],
);

export type PushSubscriptionRow = typeof pushSubscriptions.$inferSelect;
