import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { emailOutbox, jobEvents, notifications, riskFlags } from "@/db/schema";
import { withTestDb } from "@/db/testing";
import { storeFlag, storeScore } from "@/server/account/notifications/fixtures";
import { notifiedUser } from "@/server/account/notifications/testing";
import { requestInsightsRecompute } from "@/server/health/analytics/recompute-request";
import { localDate } from "@/server/health/local-date";
import { emit } from "@/server/platform/jobs/emit";
import { drainJobs } from "@/server/platform/jobs/runner";
import { schedules, slotStart } from "../../schedules";

// The recompute's real stages are other parts' work: here one stage stores a risk flag for today.
vi.mock("@/server/health/analytics/stages", async () => {
  const { storeFlag } = await import("@/server/account/notifications/fixtures");
  return {
    INSIGHT_STAGES: [{ name: "flag-today", run: async (ctx: { db: never; userId: string; today: string }) => storeFlag(ctx.db, ctx.userId, "temperature_deviation", [ctx.today], "Temperature raised") }],
  };
});

const handle = withTestDb({ inProcessJobs: true });
const db = () => handle.db;

const notificationsOf = (userId: string) => db().select().from(notifications).where(eq(notifications.userId, userId));
const emailsOf = (userId: string) => db().select().from(emailOutbox).where(eq(emailOutbox.userId, userId));

async function tick(at: string) {
  await emit(db(), "clock/notifications-due", { at }, { id: `notifications-${at}` });
  const drained = await drainJobs(db(), { timeoutMs: 60_000 });
  expect(drained.outcomes.failed ?? 0).toBe(0);
}

describe("the hourly notifications clock", () => {
  it("is scheduled every hour", () => {
    expect(schedules.find((s) => s.event === "clock/notifications-due")).toMatchObject({ cron: "0 * * * *", everyMs: 3_600_000 });
    expect(slotStart(schedules.find((s) => s.id === "notifications")!, new Date("2026-03-30T06:41:00Z")).toISOString()).toBe("2026-03-30T06:00:00.000Z");
  });

  it("fans out per user and delivers each one's daily summary at its own local time, once, with held emails after quiet hours", async () => {
    const berlin = await notifiedUser(db(), { timeZone: "Europe/Berlin" });
    const newYork = await notifiedUser(db(), { timeZone: "America/New_York", preferences: { dailySummaryTime: "08:00", quietHoursStart: "00:00", quietHoursEnd: "09:00" } });
    const later = await notifiedUser(db(), { timeZone: "Europe/Berlin", preferences: { dailySummaryTime: "09:30" } });
    for (const user of [berlin, newYork, later]) await storeScore(db(), user.id, "2026-03-30");

    // Monday 30 March 2026, 06:00 UTC: 08:00 CEST in Berlin, 02:00 EDT in New York.
    await tick("2026-03-30T06:00:00.000Z");
    expect(await notificationsOf(berlin.id)).toMatchObject([{ kind: "daily-summary", dedupeKey: `daily-summary:${berlin.id}:2026-03-30`, emailState: "sent" }]);
    expect(await emailsOf(berlin.id)).toHaveLength(1);
    expect(await notificationsOf(newYork.id)).toHaveLength(0);
    expect(await notificationsOf(later.id)).toHaveLength(0);

    // The same slot again (a second clock, a retry) and a repeat of the user's event: nothing new.
    await tick("2026-03-30T06:00:00.000Z");
    await emit(db(), "notifications/user.due", { userId: berlin.id, at: "2026-03-30T06:00:00.000Z" }, { id: "replayed" });
    await drainJobs(db(), { timeoutMs: 60_000 });
    expect(await notificationsOf(berlin.id)).toHaveLength(1);
    expect(await emailsOf(berlin.id)).toHaveLength(1);
    expect(await db().select().from(jobEvents).where(and(eq(jobEvents.name, "notifications/user.due"), sql`${jobEvents.data} ->> 'userId' = ${berlin.id}`))).toHaveLength(2);

    // 09:30 CEST goes out in the first slot after it: 08:00 UTC (10:00 CEST), not 07:00 UTC (09:00 CEST).
    await tick("2026-03-30T07:00:00.000Z");
    expect(await notificationsOf(later.id)).toHaveLength(0);
    await tick("2026-03-30T08:00:00.000Z");
    expect(await notificationsOf(later.id)).toMatchObject([{ kind: "daily-summary", emailState: "sent" }]);

    // 12:00 UTC is 08:00 EDT in New York, inside its quiet hours: in-app now, email held.
    await tick("2026-03-30T12:00:00.000Z");
    expect(await notificationsOf(newYork.id)).toMatchObject([{ kind: "daily-summary", emailState: "deferred", readAt: null }]);
    expect(await emailsOf(newYork.id)).toHaveLength(0);
    // 13:00 UTC is 09:00 EDT: quiet hours are over and the fan-out picks the held email up.
    await tick("2026-03-30T13:00:00.000Z");
    expect(await notificationsOf(newYork.id)).toMatchObject([{ emailState: "sent" }]);
    const [held] = await emailsOf(newYork.id);
    expect(held!.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(held!.subject).toMatch(/^Energy score 78/);
    // Nobody got a second summary that day.
    for (const user of [berlin, newYork, later]) expect((await notificationsOf(user.id)).filter((n) => n.kind === "daily-summary")).toHaveLength(1);
  });

  it("sends a recovery alert right after a recompute stores a new flag, and none for the same flag after the next", async () => {
    const user = await notifiedUser(db(), { timeZone: "Europe/Berlin" });
    await requestInsightsRecompute(db(), user.id, "manual");
    await drainJobs(db(), { timeoutMs: 60_000 });
    const today = localDate(new Date(), null, "Europe/Berlin");
    expect(await notificationsOf(user.id)).toMatchObject([{ kind: "recovery-alert", title: "Recovery alert: Temperature raised", dedupeKey: `recovery-alert:${user.id}:temperature_deviation@${today}` }]);
    expect(await emailsOf(user.id)).toMatchObject([{ subject: "Recovery alert: Temperature raised", tag: "recovery-alert" }]);

    await db().delete(riskFlags).where(eq(riskFlags.userId, user.id));
    await requestInsightsRecompute(db(), user.id, "manual");
    await drainJobs(db(), { timeoutMs: 60_000 });
    expect(await notificationsOf(user.id)).toHaveLength(1);
    // A user whose flag is older but still active gets it at the next hourly run of theirs.
    const other = await notifiedUser(db(), { timeZone: "UTC" });
    await storeFlag(db(), other.id, "sleep_debt", [today], "Sleep debt");
    await storeScore(db(), other.id, today);
    await tick(`${today}T08:00:00.000Z`);
    expect((await notificationsOf(other.id)).map((n) => n.kind).sort()).toEqual(["daily-summary", "recovery-alert"]);
  });
});
