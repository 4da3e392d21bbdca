import { and, eq, gte } from "drizzle-orm";
import type { Database } from "@/db";
import { notifications } from "@/db/schema/notifications";
import type { NotificationKind } from "./sources";

/** The dedupe keys of a user's notifications of one kind delivered since `since` (sources ask what was already said). */
export async function deliveredKeysSince(db: Database, userId: string, kind: NotificationKind, since: Date): Promise<string[]> {
  const rows = await db
    .select({ key: notifications.dedupeKey })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.kind, kind), gte(notifications.createdAt, since)));
  return rows.map((r) => r.key);
}
