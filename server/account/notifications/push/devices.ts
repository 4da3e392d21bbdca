import { and, eq, isNull, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { pushSubscriptions, type PushSubscriptionRow } from "@/db/schema/push";
import { describeUserAgent } from "@/server/account/auth/user-agent";
import { AppError } from "@/server/errors";
import { afterCursor, newestFirst } from "@/server/keyset";
import { toPage, type Paginated, type PaginationInput } from "@/server/pagination";
import { checkPushEndpoint } from "./endpoint-policy";
import { PUSH_ENDPOINT_TAKEN, type PushDeviceView, type PushSubscribeInput } from "./schemas";

/** Failed pushes in a row after which a device is disabled (it subscribes again to come back). */
export const FAILURES_BEFORE_DISABLE = 5;

export function deviceView(row: PushSubscriptionRow): PushDeviceView {
  return {
    id: row.id,
    label: row.label,
    service: new URL(row.endpoint).host,
    createdAt: row.createdAt,
    lastSuccessAt: row.lastSuccessAt,
    failureCount: row.failureCount,
    disabledAt: row.disabledAt,
  };
}

/**
 * Registers (or refreshes) a browser's push subscription for the user. The same endpoint again
 * takes the new keys and comes back to life if it was disabled; an endpoint registered to another
 * account is refused (CONFLICT, reason push.endpoint-taken): the browser then unsubscribes and
 * subscribes afresh, which gives it a new endpoint.
 */
export async function subscribeDevice(db: Database, userId: string, input: PushSubscribeInput, userAgent: string | null): Promise<PushDeviceView> {
  const endpoint = checkPushEndpoint(input.endpoint);
  const label = input.label || describeUserAgent(userAgent);
  const keys = { p256dh: input.keys.p256dh.replace(/=+$/, ""), auth: input.keys.auth.replace(/=+$/, "") };
  const [row] = await db
    .insert(pushSubscriptions)
    .values({ userId, endpoint, ...keys, label })
    .onConflictDoUpdate({
      target: pushSubscriptions.endpoint,
      set: { ...keys, label, failureCount: 0, disabledAt: null },
      setWhere: eq(pushSubscriptions.userId, userId),
    })
    .returning();
  if (!row) throw new AppError("CONFLICT", "This browser receives notifications for another account. Subscribe again to move it to this one.", { reason: PUSH_ENDPOINT_TAKEN });
  return deviceView(row);
}

/** The user's devices, newest first. */
export async function listDevices(db: Database, userId: string, input: PaginationInput): Promise<Paginated<PushDeviceView>> {
  const rows = await db
    .select()
    .from(pushSubscriptions)
    .where(and(eq(pushSubscriptions.userId, userId), afterCursor(pushSubscriptions.createdAt, pushSubscriptions.id, input.cursor)))
    .orderBy(...newestFirst(pushSubscriptions.createdAt, pushSubscriptions.id))
    .limit(input.limit + 1);
  return toPage(rows.map(deviceView), input.limit, (r) => r.createdAt);
}

/** One of the user's devices; another user's is NOT_FOUND like a missing one. */
export async function deviceOf(db: Database, userId: string, id: string): Promise<PushSubscriptionRow> {
  const [row] = await db.select().from(pushSubscriptions).where(and(eq(pushSubscriptions.id, id), eq(pushSubscriptions.userId, userId)));
  if (!row) throw AppError.notFound("Device");
  return row;
}

export async function removeDevice(db: Database, userId: string, id: string): Promise<{ removed: true }> {
  const [row] = await db
    .delete(pushSubscriptions)
    .where(and(eq(pushSubscriptions.id, id), eq(pushSubscriptions.userId, userId)))
    .returning({ id: pushSubscriptions.id });
  if (!row) throw AppError.notFound("Device");
  return { removed: true };
}

/** The devices pushes go to: not disabled. */
export function liveDevicesOf(db: Database, userId: string): Promise<PushSubscriptionRow[]> {
  return db
    .select()
    .from(pushSubscriptions)
    .where(and(eq(pushSubscriptions.userId, userId), isNull(pushSubscriptions.disabledAt)));
}

export async function hasLiveDevice(db: Database, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: pushSubscriptions.id })
    .from(pushSubscriptions)
    .where(and(eq(pushSubscriptions.userId, userId), isNull(pushSubscriptions.disabledAt)))
    .limit(1);
  return Boolean(row);
}

/** A push went through: the failure streak ends (a disabled device that answers is live again). */
export async function recordSuccess(db: Database, id: string, at: Date): Promise<void> {
  await db.update(pushSubscriptions).set({ lastSuccessAt: at, failureCount: 0, disabledAt: null }).where(eq(pushSubscriptions.id, id));
}

/** A push failed: one more in the streak; the FAILURES_BEFORE_DISABLE-th disables the device. */
export async function recordFailure(db: Database, id: string, at: Date): Promise<void> {
  await db
    .update(pushSubscriptions)
    .set({
      failureCount: sql`${pushSubscriptions.failureCount} + 1`,
      disabledAt: sql`case when ${pushSubscriptions.failureCount} + 1 >= ${FAILURES_BEFORE_DISABLE} then coalesce(${pushSubscriptions.disabledAt}, ${at.toISOString()}::timestamptz) else ${pushSubscriptions.disabledAt} end`,
    })
    .where(eq(pushSubscriptions.id, id));
}

/** The push service says the subscription is gone (404/410): it is deleted. */
export async function forgetDevice(db: Database, id: string): Promise<void> {
  await db.delete(pushSubscriptions).where(eq(pushSubscriptions.id, id));
}
