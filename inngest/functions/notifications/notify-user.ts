import { deliverKind, kindsForRun, sendHeldEmails, sendHeldPushes } from "@/server/account/notifications/due";
import { getNotificationPreferences, timeZonesOf } from "@/server/account/profile/service";
import { findUserById } from "@/server/account/auth/users";
import { defineFunction } from "../../define";

/**
 * One user's notifications at `at`: each kind due delivered in its own step (a retry redelivers
 * nothing: each dedupe key is delivered once), then the emails and pushes quiet hours held, if they are over.
 */
export const notifyUser = defineFunction({ id: "notify-user", event: "notifications/user.due", retries: 3, concurrencyKey: "event.data.userId" }, async ({ event, step, db }) => {
  const { userId } = event.data;
  const at = new Date(event.data.at);
  if (!(await step.run("user", async () => Boolean(await findUserById(db, userId))))) return { skipped: "user not found" as const };
  const kinds =
    event.data.kinds ??
    (await step.run("kinds", async () => {
      const [settings, zones] = await Promise.all([getNotificationPreferences(db, userId), timeZonesOf(db, [userId])]);
      return kindsForRun(settings, at, zones.get(userId)!);
    }));
  const delivered: Record<string, string> = {};
  for (const kind of kinds) {
    const outcome = await step.run(`deliver-${kind}`, () => deliverKind(db, userId, kind, at));
    delivered[kind] = outcome ? `${outcome.created ? "new" : "again"}, email ${outcome.email}, push ${outcome.push}` : "nothing due";
  }
  const held = await step.run("held-emails", () => sendHeldEmails(db, userId, at));
  const heldPushes = await step.run("held-pushes", () => sendHeldPushes(db, userId, at));
  return { delivered, held, heldPushes };
});
