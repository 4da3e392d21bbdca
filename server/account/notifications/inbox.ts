import { and, count, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db";
import { notifications } from "@/db/schema/notifications";
import { AppError } from "../../errors";
import { afterCursor, newestFirst } from "../../keyset";
import { toPage, type Paginated, type PaginationInput } from "../../pagination";
import type { NotificationKind } from "./sources";

export interface InboxItem {
  id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  href: string;
  readAt: Date | null;
  createdAt: Date;
}

const item = {
  id: notifications.id,
  kind: notifications.kind,
  title: notifications.title,
  body: notifications.body,
  href: notifications.href,
  readAt: notifications.readAt,
  createdAt: notifications.createdAt,
};

/** The user's notifications, newest first. */
export async function listNotifications(db: Database, userId: string, input: PaginationInput): Promise<Paginated<InboxItem>> {
  const rows = await db
    .select(item)
    .from(notifications)
    .where(and(eq(notifications.userId, userId), afterCursor(notifications.createdAt, notifications.id, input.cursor)))
    .orderBy(...newestFirst(notifications.createdAt, notifications.id))
    .limit(input.limit + 1);
  return toPage(rows, input.limit, (r) => r.createdAt);
}

export async function unreadCount(db: Database, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** Marks one notification read (again: its first reading time stays). Not found and not yours are the same. */
export async function markRead(db: Database, userId: string, id: string, now: Date = new Date()): Promise<InboxItem> {
  const [updated] = await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning(item);
  if (updated) return updated;
  const [existing] = await db.select(item).from(notifications).where(and(eq(notifications.id, id), eq(notifications.userId, userId)));
  if (!existing) throw AppError.notFound("Notification");
  return existing;
}

export async function markAllRead(db: Database, userId: string, now: Date = new Date()): Promise<{ marked: number }> {
  const marked = await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return { marked: marked.length };
}
