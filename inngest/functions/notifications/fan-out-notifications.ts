import { notifyPage } from "@/server/account/notifications/due";
import { defineFunction } from "../../define";

/** Every hour: one run for each user with a notification due in their own zone (or an email held by quiet hours). */
export const fanOutNotifications = defineFunction({ id: "fan-out-notifications", event: "clock/notifications-due", retries: 2 }, async ({ event, step, db }) => {
  const at = new Date(event.data.at);
  let after: string | null = null;
  let queued = 0;
  let pages = 0;
  do {
    const page = await step.run(`users-${pages}`, () => notifyPage(db, at, after));
    if (page.events.length > 0) await step.sendEvent(`notify-${pages}`, page.events);
    queued += page.events.length;
    after = page.next;
    pages += 1;
  } while (after);
  return { queued, pages };
});
