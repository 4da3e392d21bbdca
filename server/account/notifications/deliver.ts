import { and, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { notifications, type HeldEmail, type Notification, type NotificationEmailState, type NotificationPushState } from "@/db/schema/notifications";
import { renderEmail, sendEmail, type EmailMessage } from "@/server/platform/email/send";
import { findUserById } from "../auth/users";
import { getNotificationPreferences, timeZonesOf, type NotificationSettings } from "../profile/service";
import { inQuietHours } from "./clock";
import { notificationLinks, unsubscribeHeaders } from "./links";
import { emailsKind } from "./preferences";
import { pushStateFor, pushToDevices, sendHeldPushes as sendHeldPushesTo } from "./push/deliver";
import type { NotificationContent } from "./sources";

export interface DeliveryOutcome {
  notificationId: string;
  /** False when the dedupe key had been delivered before (a retry, a second run of the slot). */
  created: boolean;
  email: NotificationEmailState;
  push: NotificationPushState;
}

interface Recipient {
  userId: string;
  email: string | null;
  settings: NotificationSettings;
  timeZone: string;
}

async function recipientOf(db: Database, userId: string): Promise<Recipient | null> {
  const user = await findUserById(db, userId);
  if (!user) return null;
  const [settings, zones] = await Promise.all([getNotificationPreferences(db, userId), timeZonesOf(db, [userId])]);
  // Health summaries go only to an address the user has confirmed is theirs.
  return { userId, email: user.emailVerifiedAt ? user.email : null, settings, timeZone: zones.get(userId)! };
}

/** What the email of a notification does now: sent, held by quiet hours, or not sent at all. */
function emailStateFor(recipient: Recipient, kind: NotificationContent["kind"], now: Date): NotificationEmailState {
  if (!recipient.email || !emailsKind(recipient.settings, kind)) return "off";
  return inQuietHours(recipient.settings.quietHours, now, recipient.timeZone) ? "deferred" : "pending";
}

/**
 * Delivers one notification: the in-app entry always, the email and the Web Push (to each subscribed
 * device) when the user's preference for its kind and channel is on, at once outside their quiet
 * hours, else held for the hourly run after they end (sendHeldEmails, sendHeldPushes). The same
 * dedupe key is delivered once; a retry after a failed send sends the email again under the same
 * idempotency key and pushes only to the devices that have not had it.
 */
export async function deliver(db: Database, userId: string, content: NotificationContent, now: Date = new Date()): Promise<DeliveryOutcome | null> {
  const recipient = await recipientOf(db, userId);
  if (!recipient) return null;
  const links = notificationLinks(userId, content.kind);
  const headers = unsubscribeHeaders(links);
  const emailState = emailStateFor(recipient, content.kind, now);
  const pushState = await pushStateFor(db, recipient, content.kind, now);
  const heldEmail: HeldEmail | null = emailState === "deferred" ? { subject: content.subject, headers, ...(await renderEmail(content.email(links))) } : null;

  const [created] = await db
    .insert(notifications)
    .values({ userId, kind: content.kind, dedupeKey: content.dedupeKey, ...content.inApp, emailState, heldEmail, pushState, createdAt: now })
    .onConflictDoNothing({ target: [notifications.userId, notifications.dedupeKey] })
    .returning();
  const row = created ?? (await byDedupeKey(db, userId, content.dedupeKey));
  const push = row.pushState === "pending" ? (await pushToDevices(db, row, now), "sent" as const) : row.pushState;
  if (row.emailState === "pending" && recipient.email) {
    await sendOnce(db, row.id, "pending", { to: recipient.email, subject: content.subject, react: content.email(links), headers, tag: content.kind, userId });
    return { notificationId: row.id, created: Boolean(created), email: "sent", push };
  }
  return { notificationId: row.id, created: Boolean(created), email: row.emailState, push };
}

async function byDedupeKey(db: Database, userId: string, dedupeKey: string): Promise<Notification> {
  const [row] = await db.select().from(notifications).where(and(eq(notifications.userId, userId), eq(notifications.dedupeKey, dedupeKey)));
  if (!row) throw new Error(`notification ${dedupeKey} neither inserted nor found`);
  return row;
}

/**
 * Sends a notification's email if it is still in `from`, and marks it sent, in one transaction: the
 * outbox row and the mark commit together, and Resend drops a repeat of the idempotency key.
 */
async function sendOnce(db: Database, notificationId: string, from: "pending" | "deferred", message: EmailMessage): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [locked] = await tx
      .select({ id: notifications.id })
      .from(notifications)
      .where(and(eq(notifications.id, notificationId), eq(notifications.emailState, from)))
      .for("update");
    if (!locked) return false;
    await sendEmail(tx, { ...message, idempotencyKey: `notification-${notificationId}` });
    await tx.update(notifications).set({ emailState: "sent", emailedAt: new Date(), heldEmail: null }).where(eq(notifications.id, notificationId));
    return true;
  });
}

/**
 * The emails quiet hours held back, sent once they are over (the hourly run calls this). One whose
 * kind was turned off meanwhile is not sent.
 */
export async function sendHeldEmails(db: Database, userId: string, now: Date = new Date()): Promise<{ sent: number; dropped: number }> {
  const held = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.emailState, "deferred")));
  if (held.length === 0) return { sent: 0, dropped: 0 };
  const recipient = await recipientOf(db, userId);
  if (!recipient || inQuietHours(recipient.settings.quietHours, now, recipient.timeZone)) return { sent: 0, dropped: 0 };
  let sent = 0;
  let dropped = 0;
  for (const row of held) {
    if (!recipient.email || !emailsKind(recipient.settings, row.kind) || !row.heldEmail) {
      await db.update(notifications).set({ emailState: "off", heldEmail: null }).where(and(eq(notifications.id, row.id), eq(notifications.emailState, "deferred")));
      dropped += 1;
      continue;
    }
    const { subject, html, text, headers } = row.heldEmail;
    if (await sendOnce(db, row.id, "deferred", { to: recipient.email, subject, rendered: { html, text }, headers, tag: row.kind, userId })) sent += 1;
  }
  return { sent, dropped };
}

/** The pushes quiet hours held back, pushed once they are over (the hourly run calls this). */
export async function sendHeldPushes(db: Database, userId: string, now: Date = new Date()): Promise<{ sent: number; dropped: number }> {
  const recipient = await recipientOf(db, userId);
  return recipient ? sendHeldPushesTo(db, recipient, now) : { sent: 0, dropped: 0 };
}
