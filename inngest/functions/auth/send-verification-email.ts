import { createElement } from "react";
import VerifyEmail from "@/components/emails/verify-email";
import { sendEmail } from "@/server/platform/email/send";
import { env } from "@/server/env";
import { issueToken } from "@/server/account/auth/tokens";
import { findUserById } from "@/server/account/auth/users";
import { defineFunction } from "../../define";

/** Emails a fresh verification link to the user's current address (skipped once verified). */
export const sendVerificationEmail = defineFunction(
  { id: "send-verification-email", event: "auth/verification-email.requested", retries: 4 },
  async ({ event, step, db }) =>
    // One step: the raw token never leaves it (step results are stored), and a retry issues a new link.
    step.run("send-email", async () => {
      const user = await findUserById(db, event.data.userId);
      if (!user) return { skipped: "user not found" };
      if (user.emailVerifiedAt) return { skipped: "already verified" };
      const { token } = await issueToken(db, { purpose: "verify_email", userId: user.id, email: user.email });
      const url = `${env().APP_URL}/verify-email?token=${encodeURIComponent(token)}`;
      const sent = await sendEmail(db, {
        to: user.email,
        subject: "Confirm your email address for BioSync",
        react: createElement(VerifyEmail, { url, name: user.name }),
        tag: "verify-email",
        userId: user.id,
        secretLinks: [url],
      });
      return { emailId: sent.id };
    }),
);
