import { randomUUID } from "node:crypto";
import { and, eq, gt, like } from "drizzle-orm";
import type { Database } from "@/db";
import { notifications } from "@/db/schema/notifications";
import { AppError } from "../../errors";
import { deliver, type DeliveryOutcome } from "./deliver";
import { NOTIFICATION_SOURCES } from "./sources";

/** A user may ask for this many previews an hour (each one may be an email to them). */
export const PREVIEWS_PER_HOUR = 5;
const HOUR_MS = 3_600_000;
const PREVIEW_KEY = "daily-summary-preview:";

/**
 * The daily summary as it would go out now, delivered like any notification (in-app, and by email
 * if the daily summary's email is on and it is not quiet hours), under a key of its own: the
 * scheduled summary of the day still comes.
 */
export async function previewDailySummary(db: Database, userId: string, now: Date = new Date()): Promise<DeliveryOutcome> {
  const since = new Date(now.getTime() - HOUR_MS);
  const recent = await db
    .select({ at: notifications.createdAt })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), like(notifications.dedupeKey, `${PREVIEW_KEY}%`), gt(notifications.createdAt, since)))
    .orderBy(notifications.createdAt);
  if (recent.length >= PREVIEWS_PER_HOUR) {
    const retryAfter = Math.max(1, Math.ceil((recent[0]!.at.getTime() + HOUR_MS - now.getTime()) / 1000));
    throw AppError.tooManyRequests(retryAfter, `That is ${PREVIEWS_PER_HOUR} previews this hour. Try again in ${Math.ceil(retryAfter / 60)} minutes.`);
  }
  const content = await NOTIFICATION_SOURCES["daily-summary"](db, userId, now);
  if (!content) throw AppError.conflict("There is no energy score of today or yesterday to summarise yet. It comes once your device has synced a night.");
  const outcome = await deliver(
    db,
    userId,
    { ...content, dedupeKey: `${PREVIEW_KEY}${userId}:${randomUUID()}`, subject: `Preview: ${content.subject}`, inApp: { ...content.inApp, title: `Preview: ${content.inApp.title}` } },
    now,
  );
  if (!outcome) throw AppError.notFound("Account");
  return outcome;
}
