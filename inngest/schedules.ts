import { inngest } from "./client";
import type { EventName } from "./events";

/**
 * The clock's schedules. Each one emits its event once per slot: on Inngest through a cron
 * function, in-process through `server/platform/jobs/clock.ts`. Work hangs off the event, so the same
 * function code runs under both.
 */
export interface Schedule {
  id: string;
  cron: string;
  /** The slot length matching `cron`, for the in-process clock. */
  everyMs: number;
  event: Extract<EventName, `clock/${string}`>;
}

export const schedules: Schedule[] = [
  { id: "sync-due", cron: "*/15 * * * *", everyMs: 15 * 60_000, event: "clock/sync-due" },
  // Hourly, so that each user's nightly recompute falls in their own night (see server/health/analytics/nightly.ts).
  { id: "nightly-insights", cron: "0 * * * *", everyMs: 3_600_000, event: "clock/insights-due" },
  // Hourly, so that last week's report is made early on Monday in each user's zone (server/health/reports/weekly-schedule.ts).
  { id: "weekly-reports", cron: "0 * * * *", everyMs: 3_600_000, event: "clock/weekly-reports-due" },
  { id: "exports-expiry", cron: "0 * * * *", everyMs: 3_600_000, event: "clock/exports-expiry-due" },
  { id: "account-deletions", cron: "5 * * * *", everyMs: 3_600_000, event: "clock/account-deletions-due" },
  // Hourly, so that each user's daily retention run falls in their own small hours.
  { id: "raw-retention", cron: "10 * * * *", everyMs: 3_600_000, event: "clock/raw-retention-due" },
  // Hourly, so that each user's notifications go out at their local times (see server/account/notifications/due.ts).
  { id: "notifications", cron: "0 * * * *", everyMs: 3_600_000, event: "clock/notifications-due" },
  { id: "request-metrics-retention", cron: "0 0 * * *", everyMs: 86_400_000, event: "clock/request-metrics-prune-due" },
];

/** The start of the slot `now` falls in. */
export function slotStart(schedule: Schedule, now: Date): Date {
  return new Date(Math.floor(now.getTime() / schedule.everyMs) * schedule.everyMs);
}

/** Cron-triggered Inngest functions that emit each schedule's event (Inngest mode only). */
export const cronFunctions = schedules.map((schedule) =>
  inngest.createFunction({ id: `clock-${schedule.id}`, triggers: [{ cron: schedule.cron }] }, async ({ step }) => {
    const at = slotStart(schedule, new Date()).toISOString();
    await step.sendEvent("emit", [{ name: schedule.event, data: { at }, id: `${schedule.id}-${at}` }]);
    return { at };
  }),
);
