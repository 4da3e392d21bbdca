import { and, asc, eq, gt, inArray, isNotNull, isNull, lt, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { rawRecords, webhookDeliveries } from "@/db/schema/ingestion";
import { privacySettings } from "@/db/schema/profile";
import type { AppEvent } from "@/inngest/events";
import { localDate, zoneOffsetMinutes } from "../../health/local-date";
import { recordAudit } from "../../platform/audit/audit";
import { timeZonesOf } from "../profile/service";

/** The local hour of each user's daily retention run. */
export const RETENTION_LOCAL_HOUR = 4;
export const RETENTION_PAGE_SIZE = 500;

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const JSON_NULL = sql`'null'::jsonb`;

export interface RetentionOutcome {
  rawRecords: number;
  deliveries: number;
}

/**
 * Removes the payloads of the user's raw provider records (and the bodies of their finished
 * webhook deliveries) that arrived longer ago than their retention setting. Normalized data stays,
 * and so does each raw record's identity and content hash: a re-delivery stays a no-op, and a
 * revision still replaces the rows it came from (a deleted row would leave them behind, doubled).
 */
export async function removeExpiredRawPayloads(db: Database, userId: string, now: Date = new Date()): Promise<RetentionOutcome> {
  const [settings] = await db.select({ days: privacySettings.rawPayloadRetentionDays }).from(privacySettings).where(eq(privacySettings.userId, userId));
  if (!settings?.days) return { rawRecords: 0, deliveries: 0 };
  const cutoff = new Date(now.getTime() - settings.days * DAY_MS);
  return db.transaction(async (tx) => {
    const purged = await tx
      .update(rawRecords)
      .set({ payload: JSON_NULL, payloadPurgedAt: now })
      .where(and(eq(rawRecords.userId, userId), lt(rawRecords.receivedAt, cutoff), isNull(rawRecords.payloadPurgedAt)))
      .returning({ id: rawRecords.id });
    const emptied = await tx
      .update(webhookDeliveries)
      .set({ body: JSON_NULL })
      .where(
        and(
          eq(webhookDeliveries.userId, userId),
          lt(webhookDeliveries.receivedAt, cutoff),
          inArray(webhookDeliveries.status, ["processed", "ignored"]),
          sql`${webhookDeliveries.body} <> 'null'::jsonb`,
        ),
      )
      .returning({ id: webhookDeliveries.id });
    const outcome = { rawRecords: purged.length, deliveries: emptied.length };
    if (outcome.rawRecords + outcome.deliveries > 0) {
      await recordAudit(tx, { action: "privacy.raw-payloads-removed", actorUserId: null, subjectUserId: userId, details: { ...outcome, olderThanDays: settings.days } }, now);
    }
    return outcome;
  });
}

/** Whether `at` falls in the retention hour in `timeZone`. */
export function isRetentionHour(at: Date, timeZone: string): boolean {
  const localMs = at.getTime() + zoneOffsetMinutes(at, timeZone) * 60_000;
  return Math.floor(localMs / HOUR_MS) % 24 === RETENTION_LOCAL_HOUR;
}

export interface RetentionPage {
  events: AppEvent<"privacy/raw-retention.due">[];
  next: string | null;
}

/** One page of the users with a retention period: the events of those whose retention hour `at` is (one a local day). */
export async function retentionPage(db: Database, at: Date, after: string | null, limit = RETENTION_PAGE_SIZE): Promise<RetentionPage> {
  const rows = await db
    .select({ userId: privacySettings.userId })
    .from(privacySettings)
    .where(and(isNotNull(privacySettings.rawPayloadRetentionDays), after ? gt(privacySettings.userId, after) : undefined))
    .orderBy(asc(privacySettings.userId))
    .limit(limit);
  const userIds = rows.map((r) => r.userId);
  const zones = await timeZonesOf(db, userIds);
  const events = userIds.flatMap((userId) => {
    const zone = zones.get(userId)!;
    if (!isRetentionHour(at, zone)) return [];
    const day = localDate(at, null, zone);
    return [{ name: "privacy/raw-retention.due" as const, data: { userId }, id: `raw-retention-${day}-${userId}` }];
  });
  return { events, next: userIds.length === limit ? userIds[userIds.length - 1]! : null };
}
