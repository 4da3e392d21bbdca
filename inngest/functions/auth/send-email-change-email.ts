import { createElement } from "react";
import ConfirmEmailChange from "@/components/emails/confirm-email-change";
import { sendEmail } from "@/server/platform/email/send";
import { env } from "@/server/env";
import { issueToken } from "@/server/account/auth/tokens";
import { findUserById, normalizeEmail } from "@/server/account/auth/users";
import { defineFunction } from "../../define";

/** Emails the confirmation link to the NEW address; the account switches only when it is followed. */
export const sendEmailChangeEmail = defineFunction(
  { id: "send-email-change-email", event: "auth/email-change.requested", retries: 4 },
  async ({ event, step, db }) =>
    // One step: the raw token never leaves it (step results are stored), and a retry issues a new link.
    step.run("send-email", async () => {
      const user = await findUserById(db, event.data.userId);
      if (!user) return { skipped: "user not found" };
      const newEmail = normalizeEmail(event.data.newEmail);
      if (newEmail === user.email) return { skipped: "already the current address" };
      const { token } = await issueToken(db, { purpose: "change_email", userId: user.id, email: newEmail });
      const url = `${env().APP_URL}/confirm-email?token=${encodeURIComponent(token)}`;
      const sent = await sendEmail(db, {
        to: newEmail,
        subject: "Confirm your new email address for BioSync",
        react: createElement(ConfirmEmailChange, { url, newEmail, name: user.name }),
        tag: "confirm-email-change",
        userId: user.id,
        secretLinks: [url],
      });
      return { emailId: sent.id };
    }),
);
