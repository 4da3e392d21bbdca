import { and, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { notifications, type Notification, type NotificationPushState } from "@/db/schema/notifications";
import { pushDeliveries } from "@/db/schema/push";
import type { NotificationSettings } from "../../profile/service";
import { inQuietHours } from "../clock";
import { pushesKind } from "../preferences";
import type { NotificationKind } from "../sources";
import { hasLiveDevice, liveDevicesOf } from "./devices";
import { pushMessageOf, pushOptionsOf } from "./message";
import { pushToDevice } from "./push-device";

export interface PushRecipient {
  userId: string;
  settings: NotificationSettings;
  timeZone: string;
}

/** What a new notification's push does: nothing (preference off, no device), held by quiet hours, or pushed now. */
export async function pushStateFor(db: Database, recipient: PushRecipient, kind: NotificationKind, now: Date): Promise<NotificationPushState> {
  if (!pushesKind(recipient.settings, kind) || !(await hasLiveDevice(db, recipient.userId))) return "off";
  return inQuietHours(recipient.settings.quietHours, now, recipient.timeZone) ? "deferred" : "pending";
}

export interface PushTally {
  pushed: number;
  removed: number;
  failed: number;
}

/**
 * Pushes a notification to each live device of its user that has not had it, then marks it sent.
 * Each device is claimed first (a push_deliveries row): a job retry, or a second run at the same
 * time, skips a device already claimed, so no device gets a notification twice. A failed push gives
 * its claim back; a device the push service calls gone is deleted.
 */
export async function pushToDevices(db: Database, notification: Notification, now: Date = new Date()): Promise<PushTally> {
  const tally: PushTally = { pushed: 0, removed: 0, failed: 0 };
  const message = pushMessageOf(notification);
  const options = pushOptionsOf(notification);
  for (const device of await liveDevicesOf(db, notification.userId)) {
    const [claimed] = await db
      .insert(pushDeliveries)
      .values({ subscriptionId: device.id, notificationId: notification.id, claimedAt: now })
      .onConflictDoNothing()
      .returning();
    if (!claimed) continue;
    const result = await pushToDevice(db, device, message, options, now);
    const claim = and(eq(pushDeliveries.subscriptionId, device.id), eq(pushDeliveries.notificationId, notification.id));
    if (result.kind === "delivered") {
      await db.update(pushDeliveries).set({ pushedAt: new Date() }).where(claim);
      tally.pushed += 1;
    } else if (result.kind === "gone") {
      tally.removed += 1;
    } else {
      await db.delete(pushDeliveries).where(claim);
      tally.failed += 1;
    }
  }
  await db
    .update(notifications)
    .set({ pushState: "sent" })
    .where(and(eq(notifications.id, notification.id), eq(notifications.pushState, notification.pushState)));
  return tally;
}

/**
 * The pushes quiet hours held back, pushed once they are over (the hourly run calls this); one whose
 * kind's push was turned off meanwhile is dropped.
 */
export async function sendHeldPushes(db: Database, recipient: PushRecipient, now: Date = new Date()): Promise<{ sent: number; dropped: number }> {
  const held = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, recipient.userId), eq(notifications.pushState, "deferred")));
  if (held.length === 0 || inQuietHours(recipient.settings.quietHours, now, recipient.timeZone)) return { sent: 0, dropped: 0 };
  let sent = 0;
  let dropped = 0;
  for (const row of held) {
    if (!pushesKind(recipient.settings, row.kind)) {
      await db.update(notifications).set({ pushState: "off" }).where(and(eq(notifications.id, row.id), eq(notifications.pushState, "deferred")));
      dropped += 1;
      continue;
    }
    await pushToDevices(db, row, now);
    sent += 1;
  }
  return { sent, dropped };
}
