import { createElement } from "react";
import AddressInUse from "@/components/emails/address-in-use";
import { hasRecentEmail } from "@/server/platform/email/outbox";
import { sendEmail } from "@/server/platform/email/send";
import { env } from "@/server/env";
import { findUserById } from "@/server/account/auth/users";
import { defineFunction } from "../../define";

/** At most one such notice per account in this long: repeated attempts must not flood the owner. */
export const ADDRESS_IN_USE_NOTICE_INTERVAL_MS = 3600 * 1000;

/** Tells the owner of an address that someone tried to register with it, or move another account to it. */
export const sendAddressInUseNotice = defineFunction(
  // One at a time per account, so that the "sent recently" check sees the notice before it.
  { id: "send-address-in-use-notice", event: "auth/address-in-use-notice.requested", retries: 4, concurrencyKey: "event.data.userId" },
  async ({ event, step, db }) =>
    step.run("send-email", async () => {
      const user = await findUserById(db, event.data.userId);
      if (!user) return { skipped: "user not found" };
      const since = new Date(Date.now() - ADDRESS_IN_USE_NOTICE_INTERVAL_MS);
      if (await hasRecentEmail(db, { userId: user.id, tag: "address-in-use", since })) return { skipped: "notice sent recently" };
      const sent = await sendEmail(db, {
        to: user.email,
        subject: "Someone tried to use your address on BioSync",
        react: createElement(AddressInUse, {
          attempt: event.data.attempt,
          email: user.email,
          signInUrl: `${env().APP_URL}/sign-in`,
          resetUrl: `${env().APP_URL}/forgot-password`,
          name: user.name,
        }),
        tag: "address-in-use",
        userId: user.id,
      });
      return { emailId: sent.id };
    }),
);
