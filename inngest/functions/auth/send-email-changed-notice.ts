import { createElement } from "react";
import EmailChanged from "@/components/emails/email-changed";
import { sendEmail } from "@/server/platform/email/send";
import { findUserById } from "@/server/account/auth/users";
import { defineFunction } from "../../define";

/** Tells the previous address of an account that the account now uses another one. */
export const sendEmailChangedNotice = defineFunction(
  { id: "send-email-changed-notice", event: "auth/email-changed-notice.requested", retries: 4 },
  async ({ event, step, db }) =>
    step.run("send-email", async () => {
      const user = await findUserById(db, event.data.userId);
      const { oldEmail, newEmail } = event.data;
      const sent = await sendEmail(db, {
        to: oldEmail,
        subject: "The email address of your BioSync account was changed",
        react: createElement(EmailChanged, { oldEmail, newEmail, name: user?.name }),
        tag: "email-changed",
        userId: user?.id ?? null,
      });
      return { emailId: sent.id };
    }),
);
