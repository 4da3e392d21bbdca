import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { ownerColumn } from "./auth";

/** Every notification BioSync sends (NOTIFICATION_KINDS of server/account/notifications/sources.ts), stored as plain text. */
export const NOTIFICATION_KIND_VALUES = ["daily-summary", "recovery-alert", "weekly-report"] as const;

/**
 * What became of a notification's email: "off" (the user's preference for its kind was off),
 * "deferred" (quiet hours: the hourly run sends it once they end), "pending" (being sent; a retry
 * sends it again under the same idempotency key), "sent".
 */
export const NOTIFICATION_EMAIL_STATES = ["off", "deferred", "pending", "sent"] as const;
export type NotificationEmailState = (typeof NOTIFICATION_EMAIL_STATES)[number];

/**
 * What became of a notification's Web Push, the same way: "off" (the kind's push preference was off
 * or no device was subscribed), "deferred" (quiet hours), "pending" (being pushed; a retry pushes
 * only to the devices that have no push_deliveries row yet), "sent".
 */
export const NOTIFICATION_PUSH_STATES = NOTIFICATION_EMAIL_STATES;
export type NotificationPushState = NotificationEmailState;

/** An email held back by quiet hours, rendered when the notification was delivered. */
export interface HeldEmail {
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
}

/** The in-app notification list; one row per dedupe key and user, whatever the email did. */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: ownerColumn(),
    kind: text("kind", { enum: NOTIFICATION_KIND_VALUES }).notNull(),
    dedupeKey: text("dedupe_key").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    /** An app path ("/insights"), never another site. */
    href: text("href").notNull(),
    readAt: timestamp("read_at", { withTimezone: true }),
    emailState: text("email_state", { enum: NOTIFICATION_EMAIL_STATES }).notNull(),
    /** Only while the email is deferred; cleared once it is sent. */
    heldEmail: jsonb("held_email").$type<HeldEmail>(),
    emailedAt: timestamp("emailed_at", { withTimezone: true }),
    pushState: text("push_state", { enum: NOTIFICATION_PUSH_STATES }).notNull().default("off"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("notifications_user_dedupe_uq").on(t.userId, t.dedupeKey),
    index("notifications_user_created_idx").on(t.userId, t.createdAt, t.id),
    index("notifications_user_unread_idx").on(t.userId).where(sql`${t.readAt} is null`),
    index("notifications_deferred_idx").on(t.userId).where(sql`${t.emailState} = 'deferred'`),
    index("notifications_push_deferred_idx").on(t.userId).where(sql`${t.pushState} = 'deferred'`),
  ],
);

export type Notification = typeof notifications.$inferSelect;
