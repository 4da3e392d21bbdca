import { createElement } from "react";
import ConfirmAccountDeletionEmail from "@/components/emails/confirm-account-deletion";
import { issueToken } from "@/server/account/auth/tokens";
import { findUserById } from "@/server/account/auth/users";
import { deletionState } from "@/server/account/privacy/deletion";
import { DELETION_GRACE_DAYS } from "@/server/account/privacy/policy";
import { env } from "@/server/env";
import { sendEmail } from "@/server/platform/email/send";
import { defineFunction } from "../../define";

/** Emails the single-use link that confirms a deletion request, to the address captured with the request. */
export const sendDeletionConfirmationEmail = defineFunction(
  { id: "send-deletion-confirmation-email", event: "privacy/deletion-confirmation.requested", retries: 4 },
  async ({ event, step, db }) =>
    // One step: the raw token never leaves it (step results are stored), and a retry issues a new link.
    step.run("send-email", async () => {
      const [user, deletion] = await Promise.all([findUserById(db, event.data.userId), deletionState(db, event.data.userId)]);
      if (!user || deletion.state !== "requested" || !deletion.receiptEmail) return { skipped: "no deletion waiting for confirmation" };
      const { token } = await issueToken(db, { purpose: "delete_account", userId: user.id, email: deletion.receiptEmail });
      const url = `${env().APP_URL}/settings/privacy/delete?token=${encodeURIComponent(token)}`;
      const sent = await sendEmail(db, {
        to: deletion.receiptEmail,
        subject: "Confirm the deletion of your BioSync account",
        react: createElement(ConfirmAccountDeletionEmail, { url, name: user.name, graceDays: DELETION_GRACE_DAYS }),
        tag: "confirm-account-deletion",
        userId: user.id,
        secretLinks: [url],
      });
      return { emailId: sent.id };
    }),
);
