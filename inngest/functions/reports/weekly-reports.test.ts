import { randomUUID } from "node:crypto";
import { render } from "@react-email/render";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { dailySummaries, energyScores, profiles, weeklyReports } from "@/db/schema";
import { withTestDb } from "@/db/testing";
import { createUser } from "@/server/account/auth/users";
import { NOTIFICATION_SOURCES } from "@/server/account/notifications/sources";
import { scoreRow } from "@/server/health/analytics/insights/testing/rows";
import { FIXTURE_SCORES, FIXTURE_SUMMARIES } from "@/server/health/reports/testing/fixture-week";
import { emit } from "@/server/platform/jobs/emit";
import { drainJobs } from "@/server/platform/jobs/runner";

const testDb = withTestDb({ inProcessJobs: true });

async function fixtureUser(timeZone: string) {
  const user = await createUser(testDb.db, { email: `weekly-${randomUUID()}@example.com`, name: "Dana", verified: true });
  await testDb.db.insert(profiles).values({ userId: user.id, timeZone }).onConflictDoUpdate({ target: profiles.userId, set: { timeZone } });
  await testDb.db.insert(dailySummaries).values(FIXTURE_SUMMARIES.map((s) => ({ userId: user.id, localDate: s.date, values: s.values })));
  await testDb.db.insert(energyScores).values(FIXTURE_SCORES.map((s) => scoreRow(user.id, s.date, s.score)));
  return user.id;
}

const weeksOf = async (userId: string) => (await testDb.db.select({ week: weeklyReports.weekStart }).from(weeklyReports).where(eq(weeklyReports.userId, userId))).map((r) => r.week);

describe("weekly report jobs", () => {
  it("makes last week's report for users whose Monday report hour it is, once", async () => {
    const la = await fixtureUser("America/Los_Angeles");
    const berlin = await fixtureUser("Europe/Berlin");
    // 12:00 UTC on Monday 30 November is 04:00 in Los Angeles and 13:00 in Berlin.
    const at = "2026-11-30T12:00:00.000Z";
    await emit(testDb.db, "clock/weekly-reports-due", { at }, { id: `weekly-reports-${at}` });
    await drainJobs(testDb.db, { timeoutMs: 20_000 });
    expect(await weeksOf(la)).toEqual(["2026-11-23"]);
    expect(await weeksOf(berlin)).toEqual([]);
    // Another slot that hour (a retried clock) changes nothing.
    await emit(testDb.db, "clock/weekly-reports-due", { at }, { id: `weekly-reports-${at}-again` });
    await drainJobs(testDb.db, { timeoutMs: 20_000 });
    expect(await weeksOf(la)).toEqual(["2026-11-23"]);
    // 03:00 UTC is 04:00 in Berlin.
    const berlinHour = "2026-11-30T03:00:00.000Z";
    await emit(testDb.db, "clock/weekly-reports-due", { at: berlinHour }, { id: `weekly-reports-${berlinHour}` });
    await drainJobs(testDb.db, { timeoutMs: 20_000 });
    expect(await weeksOf(berlin)).toEqual(["2026-11-23"]);
  });
});

describe("the weekly-report notification source", () => {
  it("words last week's report (making it if need be) and renders the email with its numbers and the recipient's links", async () => {
    const userId = await fixtureUser("America/Los_Angeles");
    const source = NOTIFICATION_SOURCES["weekly-report"]!;
    // Tuesday 1 December in Los Angeles: last week is W48.
    const content = (await source(testDb.db, userId, new Date("2026-12-01T18:00:00Z")))!;
    expect(await weeksOf(userId)).toEqual(["2026-11-23"]);
    expect(content).toMatchObject({
      kind: "weekly-report",
      dedupeKey: `weekly-report:${userId}:2026-W48`,
      subject: "Your week of 23–29 Nov 2026: Energy score 71.8 (+1.8), sleep 7 h, HRV 52.4 ms",
      inApp: { title: "Your weekly report for 23–29 Nov 2026", body: "Energy score 71.8 (+1.8), sleep 7 h, HRV 52.4 ms.", href: "/reports/2026-W48" },
    });
    const links = { appUrl: "https://biosync.example", unsubscribeUrl: "https://biosync.example/unsubscribe/tok-123", preferencesUrl: "https://biosync.example/settings/notifications" };
    const text = await render(content.email(links), { plainText: true });
    const html = await render(content.email(links));
    // The averages and changes worked out by hand in figures.test.ts.
    for (const figure of ["71.8", "+1.8", "7 h", "±0 min", "52.4 ms", "+0.4 ms", "73.3", "+3.3", "Tue 24 Nov", "(82)", "Sat 28 Nov", "(60)"]) expect(text, figure).toContain(figure);
    expect(text).toContain("HRV (rMSSD)");
    expect(html).toContain('href="https://biosync.example/reports/2026-W48"');
    expect(html).toContain('href="https://biosync.example/unsubscribe/tok-123"');
    expect(html).toContain('href="https://biosync.example/settings/notifications"');
    // A second call is the same report (the dedupe key says so to delivery); a week without data gives none.
    expect((await source(testDb.db, userId, new Date("2026-12-02T18:00:00Z")))!.dedupeKey).toBe(content.dedupeKey);
    expect(await source(testDb.db, userId, new Date("2027-03-01T18:00:00Z"))).toBeNull();
  });
});
