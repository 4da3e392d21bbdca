import { weeklyReportPage } from "@/server/health/reports/weekly-schedule";
import { defineFunction } from "../../define";

/** Every hour: last week's report for each user with data for whom it is now early Monday. A page of users per step. */
export const fanOutWeeklyReports = defineFunction({ id: "fan-out-weekly-reports", event: "clock/weekly-reports-due", retries: 2 }, async ({ event, step, db }) => {
  const at = new Date(event.data.at);
  let after: string | null = null;
  let queued = 0;
  let pages = 0;
  do {
    const page = await step.run(`users-${pages}`, () => weeklyReportPage(db, at, after));
    if (page.events.length > 0) await step.sendEvent(`reports-${pages}`, page.events);
    queued += page.events.length;
    after = page.next;
    pages += 1;
  } while (after);
  return { queued, pages };
});
