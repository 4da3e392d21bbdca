import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { auditEvents, forecastAccuracy, users } from "./schema";
import { withTestDb } from "./testing";
import { fromIncoming, insertJsonRows, slicesOf } from "./upsert";

describe("slicesOf", () => {
  it("cuts rows into slices of at most the size, in order, the last one shorter", () => {
    // 7 rows by 3: [0 1 2] [3 4 5] [6].
    expect([...slicesOf([0, 1, 2, 3, 4, 5, 6], 3)]).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
    expect([...slicesOf([0, 1, 2], 3)]).toEqual([[0, 1, 2]]);
    expect([...slicesOf([], 3)]).toEqual([]);
  });
});

describe("fromIncoming", () => {
  const test = withTestDb();

  it("updates the named columns (snake_case in SQL) from the conflicting row and leaves the others", async () => {
    const [user] = await test.db.insert(users).values({ email: "upsert@example.com" }).returning();
    const row = (n: number, mae: number) => ({ userId: user!.id, metric: "hrv_rmssd", computedOn: "2026-03-01", n, meanAbsoluteError: mae, coverage: 0.5, nominalCoverage: 0.8 });
    const upsert = (values: ReturnType<typeof row>) =>
      test.db
        .insert(forecastAccuracy)
        .values(values)
        .onConflictDoUpdate({ target: [forecastAccuracy.userId, forecastAccuracy.metric], set: fromIncoming(forecastAccuracy, ["meanAbsoluteError"]) });
    await upsert(row(10, 4.5));
    await upsert({ ...row(30, 2.25), coverage: 0.9 });
    // mean_absolute_error is taken from the second row; n and coverage are not named, so the first row's stay.
    expect(await test.db.select({ n: forecastAccuracy.n, mae: forecastAccuracy.meanAbsoluteError, coverage: forecastAccuracy.coverage }).from(forecastAccuracy).where(eq(forecastAccuracy.userId, user!.id))).toEqual([
      { n: 10, mae: 2.25, coverage: 0.5 },
    ]);
  });
});

describe("insertJsonRows", () => {
  const test = withTestDb();

  it("inserts the rows' columns as given (a Date, jsonb, a null) and the others by their defaults", async () => {
    const [user] = await test.db.insert(users).values({ email: "json-rows@example.com" }).returning();
    const at = new Date("2026-03-01T06:30:00.250Z");
    await test.db.execute(
      insertJsonRows(auditEvents, [
        { at, action: "journal.notes-written", actorUserId: user!.id, ip: null, details: { date: "2026-03-01", nested: [1, "two"] } },
        { at, action: "journal.notes-read", actorUserId: null, ip: "203.0.113.9", details: {} },
      ]),
    );
    const rows = await test.db.select().from(auditEvents).orderBy(auditEvents.action);
    expect(rows.map(({ id, ...rest }) => ({ ...rest, hasId: id.length === 36 }))).toEqual([
      { at, action: "journal.notes-read", actorUserId: null, subjectUserId: null, targetType: null, targetId: null, ip: "203.0.113.9", details: {}, hasId: true },
      { at, action: "journal.notes-written", actorUserId: user!.id, subjectUserId: null, targetType: null, targetId: null, ip: null, details: { date: "2026-03-01", nested: [1, "two"] }, hasId: true },
    ]);
  });
});
