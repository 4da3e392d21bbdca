import { findUserById } from "@/server/account/auth/users";
import { ensureWeeklyReport } from "@/server/health/reports/store";
import { defineFunction } from "../../define";

/** One user's report of one week, made from the stored data unless it exists (a retry or a repeat changes nothing). */
export const makeWeeklyReport = defineFunction(
  { id: "make-weekly-report", event: "reports/weekly.requested", retries: 3, concurrencyKey: "event.data.userId" },
  async ({ event, step, db }) =>
    step.run("make", async () => {
      const { userId, weekStart } = event.data;
      if (!(await findUserById(db, userId))) return { skipped: "user not found" as const };
      const report = await ensureWeeklyReport(db, userId, weekStart);
      return report ? { reportId: report.id, week: report.figures.week } : { skipped: "no data that week" as const };
    }),
);
