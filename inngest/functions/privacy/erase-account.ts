import { createElement } from "react";
import AccountErasedEmail from "@/components/emails/account-erased";
import { beginErasure } from "@/server/account/privacy/deletion";
import { eraseAccountRows, removeAccountFiles, type Receipt } from "@/server/account/privacy/erase";
import type { Database } from "@/db";
import { sendEmail } from "@/server/platform/email/send";
import { defineFunction } from "../../define";

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "long", timeZone: "UTC" });

/** The receipt goes to the captured address and belongs to no user, so it outlives the account. */
async function sendReceipt(tx: Database, receipt: Receipt, deletionId: string): Promise<void> {
  await sendEmail(tx, {
    to: receipt.to,
    subject: "Your BioSync account has been deleted",
    react: createElement(AccountErasedEmail, { requestedAt: dateFormat.format(receipt.requestedAt), ...receipt.summary }),
    tag: "account-erased",
    userId: null,
    idempotencyKey: `account-erased-${deletionId}`,
  });
}

/**
 * Erases an account whose grace period is over: marks it as being erased (no cancel from then on),
 * removes its files, then its rows, audit entry and receipt in one transaction. Each step is safe
 * to repeat; no step result holds the account's id or address.
 */
export const eraseAccount = defineFunction(
  { id: "erase-account", event: "privacy/account-deletion.due", retries: 8, concurrencyKey: "event.data.deletionId" },
  async ({ event, step, db }) => {
    const { deletionId } = event.data;
    const started = await step.run("begin", () => beginErasure(db, deletionId));
    if (!started) return { skipped: "cancelled, not due or already erased" };
    const files = await step.run("remove-files", () => removeAccountFiles(db, deletionId));
    const summary = await step.run("erase-rows", () => eraseAccountRows(db, deletionId, files, (tx, receipt) => sendReceipt(tx, receipt, deletionId)));
    return summary ?? { skipped: "already erased" };
  },
);
