import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { dailySummaries, energyScores, profiles, weeklyReports } from "@/db/schema";
import { withTestDb } from "@/db/testing";
import { badRequestFields, callerFor } from "@/server/testing";
import { encodeCursor } from "@/server/pagination";
import { recomputeInsights } from "../analytics/recompute";
import type { InsightStage } from "../analytics/stage";
import { scoresBetween } from "../analytics/insights/history";
import { insertUser, scoreRow } from "../analytics/insights/testing/rows";
import { storeBatch } from "../timeseries/store";
import { rollupDays } from "../timeseries/rollup";
import { emptyBatch } from "../types";
import { weeklyReportsStage } from "./stage";
import { FIXTURE_SCORES, FIXTURE_SUMMARIES } from "./testing/fixture-week";

const handle = withTestDb();
const LA = "America/Los_Angeles";

/** A user in Los Angeles with the fixture week's summaries and scores. */
async function fixtureUser(label: string) {
  const user = await insertUser(handle.db, `${label}-${crypto.randomUUID()}@example.com`);
  await handle.db.insert(profiles).values({ userId: user.id, timeZone: LA });
  await handle.db.insert(dailySummaries).values(FIXTURE_SUMMARIES.map((s) => ({ userId: user.id, localDate: s.date, values: s.values })));
  await handle.db.insert(energyScores).values(FIXTURE_SCORES.map((s) => scoreRow(user.id, s.date, s.score)));
  return user;
}

// The stored scores as the energy-score stage would leave them (its own tests cover scoring), then the report stage.
const storedScores: InsightStage = {
  name: "stored-scores",
  async run(ctx) {
    ctx.scores = (await scoresBetween(ctx.db, ctx.userId, "2026-11-01", "2026-12-31")).map((s) => ({ date: s.localDate, state: s.state, score: s.score, status: s.status, confidence: 1, contributors: [], baselines: {} }));
  },
};
const recompute = (userId: string) => recomputeInsights(handle.db, userId, { stages: [storedScores, weeklyReportsStage], now: new Date("2026-12-01T20:00:00Z") });

const checkedAt = async (userId: string) => (await handle.db.select({ at: weeklyReports.lateCheckedAt }).from(weeklyReports).where(eq(weeklyReports.userId, userId)))[0]?.at ?? null;

describe("reports router", () => {
  it("make: the fixture week's figures as worked out by hand; a second make returns the same report", async () => {
    const alice = await fixtureUser("alice");
    const caller = callerFor(handle.db, alice);
    const made = await caller.reports.make({ week: "2026-W48" });
    expect(made.lateNote).toBeNull();
    expect(made.figures.averages).toEqual({
      energyScore: { value: 71.8, days: 5, previous: 70, change: 1.8 },
      sleepSeconds: { value: 25_200, days: 5, previous: 25_200, change: 0 },
      hrv: { value: 52.4, days: 5, previous: 52, change: 0.4 },
      readiness: { value: 73.3, days: 4, previous: 70, change: 3.3 },
    });
    expect([made.figures.bestDay, made.figures.worstDay]).toEqual([{ date: "2026-11-24", score: 82 }, { date: "2026-11-28", score: 60 }]);
    expect((await caller.reports.make({ week: "2026-W48" })).id).toBe(made.id);
    expect((await caller.reports.get({ week: "2026-W48" })).figures).toEqual(made.figures);
  });

  it("a late summary changes nothing stored but sets the note; comparing again only when summaries were rolled up since", async () => {
    const alice = await fixtureUser("late");
    const caller = callerFor(handle.db, alice);
    const made = await caller.reports.make({ week: "2026-W48" });
    await recompute(alice.id);
    // Compared once since made (same data): no note, and a recompute with nothing new does not compare again.
    const firstCheck = await checkedAt(alice.id);
    expect(firstCheck).not.toBeNull();
    await recompute(alice.id);
    expect(await checkedAt(alice.id)).toEqual(firstCheck);
    expect((await caller.reports.get({ week: "2026-W48" })).lateNote).toBeNull();

    // An HRV reading at Sunday 23:30 in Los Angeles (Monday 07:30 UTC) arrives late: it is Sunday's, so W48's.
    const at = new Date("2026-11-30T07:30:00Z");
    const batch = { ...emptyBatch(), samples: [{ metric: "hrv_rmssd" as const, start: at, end: at, value: 58.6, source: "oura" as const, sourceRecordId: "late-hrv" }] };
    const stored = await storeBatch(handle.db, { userId: alice.id, rawRecordId: null, timeZone: LA }, batch);
    expect([...stored.dates]).toEqual(["2026-11-29"]);
    await rollupDays(handle.db, alice.id, stored.dates);
    await recompute(alice.id);

    const after = await caller.reports.get({ week: "2026-W48" });
    expect(after.figures).toEqual(made.figures);
    // (262 + 58.6) / 6 = 53.43 → 53.4 ms.
    expect(after.lateNote).toBe("Data that arrived after this report was made would change the average HRV (rMSSD) (52.4 ms → 53.4 ms).");
    expect((await caller.reports.list({})).items[0]).toMatchObject({ week: "2026-W48", late: true });
  });

  it("list: newest week first, in pages; awaiting: weeks over with data and no report", async () => {
    const carol = await fixtureUser("carol");
    const caller = callerFor(handle.db, carol);
    const awaiting = await caller.reports.awaiting();
    // Today (real time) is after both fixture weeks: both are over, have data and no report.
    expect(awaiting.map((w) => w.week)).toEqual(["2026-W48", "2026-W47"]);
    expect(awaiting[0]).toEqual({ week: "2026-W48", weekStart: "2026-11-23", weekEnd: "2026-11-29", days: 6 });
    await caller.reports.make({ week: "2026-W47" });
    await caller.reports.make({ week: "2026-W48" });
    expect(await caller.reports.awaiting()).toEqual([]);
    const first = await caller.reports.list({ limit: 1 });
    expect(first.items.map((r) => r.week)).toEqual(["2026-W48"]);
    const second = await caller.reports.list({ limit: 1, cursor: first.nextCursor });
    expect(second.items.map((r) => r.week)).toEqual(["2026-W47"]);
    expect(second.nextCursor).toBeNull();
    expect(second.items[0]!.averages.energyScore).toEqual({ value: 70, days: 3, previous: null, change: null });
  });

  it("ownership: another user's report is not found, not listed, and cannot be made for them", async () => {
    const alice = await fixtureUser("owner");
    await callerFor(handle.db, alice).reports.make({ week: "2026-W48" });
    const bob = await insertUser(handle.db, `bob-${crypto.randomUUID()}@example.com`);
    const asBob = callerFor(handle.db, bob);
    await expect(asBob.reports.get({ week: "2026-W48" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await asBob.reports.list({})).items).toEqual([]);
    expect(await asBob.reports.awaiting()).toEqual([]);
    expect(await badRequestFields(asBob.reports.make({ week: "2026-W48" }))).toEqual(["week"]);
    const rows = await handle.db.select({ userId: weeklyReports.userId }).from(weeklyReports).where(and(eq(weeklyReports.weekStart, "2026-11-23"), eq(weeklyReports.userId, bob.id)));
    expect(rows).toEqual([]);
    await expect(callerFor(handle.db, null).reports.list({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("bad input is a 400 naming the field: weeks a year lacks, a week not over yet, a foreign cursor", async () => {
    const dan = await fixtureUser("dan");
    const caller = callerFor(handle.db, dan);
    for (const week of ["2026-W54", "2025-W53", "2026-48", "2026-W48\u0000"]) expect(await badRequestFields(caller.reports.get({ week })), week).toEqual(["week"]);
    expect(await badRequestFields(caller.reports.make({ week: "2099-W10" }))).toEqual(["week"]);
    expect(await badRequestFields(caller.reports.list({ cursor: "nope" }))).toEqual(["cursor"]);
    expect((await caller.reports.list({ cursor: encodeCursor(new Date("2026-11-30T00:00:00Z"), crypto.randomUUID()) })).items).toEqual([]);
  });
});
