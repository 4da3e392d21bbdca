import { dueDeletionsPage } from "@/server/account/privacy/deletion";
import { defineFunction } from "../../define";

/** Every hour: one erasure event for each confirmed deletion whose grace period is over. */
export const fanOutAccountDeletions = defineFunction({ id: "fan-out-account-deletions", event: "clock/account-deletions-due", retries: 2 }, async ({ event, step, db }) => {
  const at = new Date(event.data.at);
  let after: string | null = null;
  let queued = 0;
  let pages = 0;
  do {
    const page = await step.run(`deletions-${pages}`, () => dueDeletionsPage(db, at, after));
    if (page.events.length > 0) await step.sendEvent(`erase-${pages}`, page.events);
    queued += page.events.length;
    after = page.next;
    pages += 1;
  } while (after);
  return { queued, pages };
});
