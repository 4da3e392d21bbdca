import { nightlyPage } from "@/server/health/analytics/nightly";
import { defineFunction } from "../../define";

/**
 * Every hour: one insights recompute for each user with data for whom it is now the nightly hour,
 * so the day rolls over (today's state, forecasts scored, correlations redone) even without new
 * data. A page of users per step, its events sent in one step.
 */
export const fanOutNightlyInsights = defineFunction({ id: "fan-out-nightly-insights", event: "clock/insights-due", retries: 2 }, async ({ event, step, db }) => {
  const at = new Date(event.data.at);
  let after: string | null = null;
  let queued = 0;
  let pages = 0;
  do {
    const page = await step.run(`users-${pages}`, () => nightlyPage(db, at, after));
    if (page.events.length > 0) await step.sendEvent(`recompute-${pages}`, page.events);
    queued += page.events.length;
    after = page.next;
    pages += 1;
  } while (after);
  return { queued, pages };
});
