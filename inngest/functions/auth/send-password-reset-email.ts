import { createElement } from "react";
import ResetPasswordEmail from "@/components/emails/reset-password";
import { sendEmail } from "@/server/platform/email/send";
import { env } from "@/server/env";
import { issueToken } from "@/server/account/auth/tokens";
import { findUserById } from "@/server/account/auth/users";
import { defineFunction } from "../../define";

/** Emails a single-use, one-hour password reset link (it replaces any earlier one). */
export const sendPasswordResetEmail = defineFunction(
  { id: "send-password-reset-email", event: "auth/password-reset.requested", retries: 4 },
  async ({ event, step, db }) =>
    // One step: the raw token never leaves it (step results are stored), and a retry issues a new link.
    step.run("send-email", async () => {
      const user = await findUserById(db, event.data.userId);
      if (!user) return { skipped: "user not found" };
      const { token } = await issueToken(db, { purpose: "reset_password", userId: user.id, email: user.email });
      const url = `${env().APP_URL}/reset-password?token=${encodeURIComponent(token)}`;
      const sent = await sendEmail(db, {
        to: user.email,
        subject: "Reset your BioSync password",
        react: createElement(ResetPasswordEmail, { url, name: user.name }),
        tag: "reset-password",
        userId: user.id,
        secretLinks: [url],
      });
      return { emailId: sent.id };
    }),
);
