import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { render } from "@react-email/render";
import { riskFlags } from "@/db/schema/analytics";
import { withTestDb } from "@/db/testing";
import { dailySummaryNotification } from "@/server/health/analytics/insights/daily-summary";
import { recoveryAlertNotification } from "@/server/health/analytics/risks/recovery-alert";
import { deliver } from "./deliver";
import { storeFlag, storeScore } from "./fixtures";
import { notificationLinks } from "./links";
import { NOTIFICATION_SOURCES } from "./sources";
import { notifiedUser } from "./testing";

const handle = withTestDb();
const db = () => handle.db;

describe("NOTIFICATION_SOURCES", () => {
  it("has this part's two sources registered", () => {
    expect(NOTIFICATION_SOURCES["daily-summary"]).toBe(dailySummaryNotification);
    expect(NOTIFICATION_SOURCES["recovery-alert"]).toBe(recoveryAlertNotification);
  });
});

describe("the daily summary", () => {
  it("words the newest score of today or yesterday with its strongest contributors and key metrics", async () => {
    const user = await notifiedUser(db(), { timeZone: "Europe/Berlin" });
    // 06:00 UTC on 30 March is 08:00 in Berlin; only yesterday's score is stored yet.
    const now = new Date("2026-03-30T06:00:00Z");
    expect(await dailySummaryNotification(db(), user.id, now)).toBeNull();
    await storeScore(db(), user.id, "2026-03-29", 78);
    const content = (await dailySummaryNotification(db(), user.id, now))!;
    expect(content).toMatchObject({
      kind: "daily-summary",
      dedupeKey: `daily-summary:${user.id}:2026-03-30`,
      subject: "Energy score 78 (good) · Sunday 29 March",
      inApp: { title: "Energy score 78 (good)", body: "Heart rate variability: HRV 1.5 SD above your normal range: +4", href: "/dashboard" },
    });
    const text = await render(content.email(notificationLinks(user.id, "daily-summary")), { plainText: true });
    expect(text).toContain("HRV 1.5 SD above your normal range: +4");
    expect(text).toContain("Sleep 1 h short of your need: −3");
    // A contributor that moved nothing is not listed.
    expect(text).not.toContain("Sleep efficiency normal");
    for (const figure of ["Sleep: 6 h 30 min", "HRV: 61 ms", "normal 46–58 ms", "Resting heart rate: 53 bpm", "Steps: 10,234"]) expect(text).toContain(figure);
    expect(text).toContain("/unsubscribe/");
    expect(text).toContain("/settings/notifications");
  });

  it("is not sent about a score older than yesterday", async () => {
    const user = await notifiedUser(db());
    await storeScore(db(), user.id, "2026-03-27");
    expect(await dailySummaryNotification(db(), user.id, new Date("2026-03-30T08:00:00Z"))).toBeNull();
  });
});

describe("the recovery alert", () => {
  it("alerts each new flag once, names flags already alerted as still active, and forgets nothing when a run goes on", async () => {
    const user = await notifiedUser(db(), { timeZone: "America/New_York" });
    // 14:00 UTC on 30 March is 10:00 EDT: today is 30 March there.
    const now = new Date("2026-03-30T14:00:00Z");
    expect(await recoveryAlertNotification(db(), user.id, now)).toBeNull();
    // A flag whose run ended more than two days ago is not active.
    await storeFlag(db(), user.id, "sleep_debt", ["2026-03-26", "2026-03-27"]);
    expect(await recoveryAlertNotification(db(), user.id, now)).toBeNull();

    await storeFlag(db(), user.id, "resting_hr_elevated", ["2026-03-29", "2026-03-30"], "Resting heart rate elevated");
    const first = (await recoveryAlertNotification(db(), user.id, now))!;
    expect(first).toMatchObject({
      kind: "recovery-alert",
      dedupeKey: `recovery-alert:${user.id}:resting_hr_elevated@2026-03-29`,
      subject: "Recovery alert: Resting heart rate elevated",
      inApp: { title: "Recovery alert: Resting heart rate elevated", body: "Resting heart rate elevated on 2026-03-29, 2026-03-30", href: "/insights" },
    });
    await deliver(db(), user.id, first, now);
    expect(await recoveryAlertNotification(db(), user.id, now)).toBeNull();

    // The next recompute extends the same run by a day (the row moves to the new last day): not new.
    const tomorrow = new Date("2026-03-31T14:00:00Z");
    await db().delete(riskFlags).where(and(eq(riskFlags.userId, user.id), eq(riskFlags.kind, "resting_hr_elevated")));
    await storeFlag(db(), user.id, "resting_hr_elevated", ["2026-03-29", "2026-03-30", "2026-03-31"], "Resting heart rate elevated");
    expect(await recoveryAlertNotification(db(), user.id, tomorrow)).toBeNull();

    // A second kind appears: one alert about it, the first one still active.
    await storeFlag(db(), user.id, "hrv_suppressed", ["2026-03-29", "2026-03-30", "2026-03-31"], "HRV suppressed");
    const second = (await recoveryAlertNotification(db(), user.id, tomorrow))!;
    expect(second.dedupeKey).toBe(`recovery-alert:${user.id}:hrv_suppressed@2026-03-29`);
    const text = await render(second.email(notificationLinks(user.id, "recovery-alert")), { plainText: true });
    expect(text).toContain("HRV suppressed (moderate)");
    expect(text).toContain("Still active: Resting heart rate elevated.");
  });
});
