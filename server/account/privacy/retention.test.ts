import { desc, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { rawRecords, webhookDeliveries } from "@/db/schema/ingestion";
import { sleepSessions } from "@/db/schema/timeseries";
import { withTestDb } from "@/db/testing";
import { upsertRawRecords } from "@/server/health/ingestion/raw-records";
import { emit } from "@/server/platform/jobs/emit";
import { drainJobs } from "@/server/platform/jobs/runner";
import { callerFor, sessionFor } from "../../testing";
import { createUser } from "../auth/users";
import { RETENTION_LOCAL_HOUR } from "./retention";

const handle = withTestDb({ inProcessJobs: true });
const DAY_MS = 86_400_000;

/** A user with three raw records that arrived 10, 40 and 100 days ago, and the sleep rows normalized from them. */
async function userWithRawRecords(email: string, retention: 30 | 90 | null) {
  const { db } = handle;
  const user = await createUser(db, { email });
  const caller = callerFor(db, sessionFor(user));
  await caller.profile.update({ timeZone: "America/New_York" });
  await caller.privacy.settings.update({ rawPayloadRetentionDays: retention });
  const ages = [10, 40, 100];
  const outcomes = await upsertRawRecords(
    db,
    user.id,
    "oura",
    ages.map((age) => ({ recordType: "sleep", recordId: `night-${age}`, payload: { night: age, hr: [52, 51] } })),
  );
  const ids = outcomes.map((o) => o.id!);
  for (const [i, age] of ages.entries()) {
    const receivedAt = new Date(Date.now() - age * DAY_MS);
    await db.update(rawRecords).set({ receivedAt }).where(eq(rawRecords.id, ids[i]!));
    await db.insert(sleepSessions).values({ userId: user.id, source: "oura", sourceRecordId: `night-${age}`, rawRecordId: ids[i]!, startAt: receivedAt, endAt: new Date(receivedAt.getTime() + 8 * 3_600_000), localDate: receivedAt.toISOString().slice(0, 10) });
    await db.insert(webhookDeliveries).values({ provider: "oura", idempotencyKey: `${email}-${age}`, eventType: "sleep", userId: user.id, body: { night: age }, status: "processed", receivedAt });
  }
  return { user, ids };
}

/** The next instant that is RETENTION_LOCAL_HOUR in New York (the clock's slot for it). */
function retentionSlotInNewYork(): Date {
  const hour = new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000);
  for (let i = 0; i < 24; i++) {
    const at = new Date(hour.getTime() + i * 3_600_000);
    if (Number(new Intl.DateTimeFormat("en-US", { hour: "numeric", hourCycle: "h23", timeZone: "America/New_York" }).format(at)) === RETENTION_LOCAL_HOUR) return at;
  }
  throw new Error("no retention hour in a day");
}

describe("raw payload retention", () => {
  it("the daily job empties only that user's payloads older than their setting; normalized rows and identities stay", async () => {
    const { db } = handle;
    const kept = await userWithRawRecords("keep-forever@example.com", null);
    const ninety = await userWithRawRecords("ninety@example.com", 90);
    const thirty = await userWithRawRecords("thirty@example.com", 30);

    // Outside the user's local hour the clock queues nothing.
    await emit(db, "clock/raw-retention-due", { at: new Date(retentionSlotInNewYork().getTime() + 3_600_000).toISOString() });
    await drainJobs(db, { timeoutMs: 30_000 });
    expect((await db.select().from(rawRecords).where(eq(rawRecords.userId, thirty.user.id))).every((r) => r.payloadPurgedAt === null)).toBe(true);

    await emit(db, "clock/raw-retention-due", { at: retentionSlotInNewYork().toISOString() });
    const drained = await drainJobs(db, { timeoutMs: 30_000 });
    expect(drained.outcomes.failed ?? 0).toBe(0);

    const payloads = async (ids: string[]) => {
      const rows = await db.select().from(rawRecords).where(inArray(rawRecords.id, ids));
      return ids.map((id) => rows.find((r) => r.id === id)!.payload);
    };
    expect(await payloads(kept.ids)).toEqual([{ night: 10, hr: [52, 51] }, { night: 40, hr: [52, 51] }, { night: 100, hr: [52, 51] }]);
    expect(await payloads(ninety.ids)).toEqual([{ night: 10, hr: [52, 51] }, { night: 40, hr: [52, 51] }, null]);
    expect(await payloads(thirty.ids)).toEqual([{ night: 10, hr: [52, 51] }, null, null]);
    const bodies = async (userId: string) =>
      (await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.userId, userId)).orderBy(desc(webhookDeliveries.receivedAt))).map((d) => d.body);
    expect(await bodies(thirty.user.id)).toEqual([{ night: 10 }, null, null]);
    expect(await bodies(kept.user.id)).toHaveLength(3);
    expect((await bodies(kept.user.id)).every((b) => b !== null)).toBe(true);
    for (const user of [kept, ninety, thirty]) expect(await db.select().from(sleepSessions).where(eq(sleepSessions.userId, user.user.id))).toHaveLength(3);

    // A re-delivery of an emptied record is still recognised (no new row, nothing to normalize again).
    const [again] = await upsertRawRecords(db, thirty.user.id, "oura", [{ recordType: "sleep", recordId: "night-100", payload: { night: 100, hr: [52, 51] } }]);
    expect(again!.status).toBe("unchanged");
    const activity = await callerFor(db, sessionFor(thirty.user)).privacy.activity.list({ limit: 5 });
    expect(activity.items[0]).toMatchObject({ who: "BioSync", action: "privacy.raw-payloads-removed" });
  });
});
