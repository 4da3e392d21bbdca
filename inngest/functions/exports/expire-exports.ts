import { EXPIRY_PAGE, expireExports } from "@/server/health/exports/run";
import { defineFunction } from "../../define";

/** Hourly: exports past their expiry lose their file and show as expired, a page per step. */
export const expireExportsJob = defineFunction({ id: "expire-exports", event: "clock/exports-expiry-due", retries: 2 }, async ({ event, step, db }) => {
  const at = new Date(event.data.at);
  let expired = 0;
  for (let page = 0; ; page++) {
    const n = await step.run(`expire-${page}`, () => expireExports(db, at));
    expired += n;
    if (n < EXPIRY_PAGE) return { expired };
  }
});
