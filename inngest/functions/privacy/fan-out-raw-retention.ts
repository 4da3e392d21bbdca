import { retentionPage } from "@/server/account/privacy/retention";
import { defineFunction } from "../../define";

/** Every hour: the retention run of each user with a retention period for whom it is now the small hours. */
export const fanOutRawRetention = defineFunction({ id: "fan-out-raw-retention", event: "clock/raw-retention-due", retries: 2 }, async ({ event, step, db }) => {
  const at = new Date(event.data.at);
  let after: string | null = null;
  let queued = 0;
  let pages = 0;
  do {
    const page = await step.run(`users-${pages}`, () => retentionPage(db, at, after));
    if (page.events.length > 0) await step.sendEvent(`retention-${pages}`, page.events);
    queued += page.events.length;
    after = page.next;
    pages += 1;
  } while (after);
  return { queued, pages };
});
