import { eq } from "drizzle-orm";
import type { Database } from "@/db";
import { emailOutbox } from "@/db/schema/email";
import { AppError } from "../errors";
import { sendEmail } from "../platform/email/send";
import { auditAdminAction, type AdminActor } from "./admin-audit";

/**
 * Sends a failed email again (as a new outbox row), audited. An email that held a single-use link
 * is refused: its stored copy has the link removed, so the user asks for a new one instead.
 */
export async function resendFailedEmail(db: Database, actor: AdminActor, id: string, send: typeof sendEmail = sendEmail): Promise<{ id: string }> {
  const [email] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, id));
  if (!email) throw AppError.notFound("Email");
  if (email.status !== "failed") throw AppError.conflict("Only emails that failed to send can be sent again.");
  if (email.secretLink !== "none") throw AppError.conflict("This email held a single-use link, which is not kept: the user has to ask for a new one.");
  let sent: { id: string };
  try {
    sent = await send(db, {
      to: email.to,
      subject: email.subject,
      tag: email.tag ?? undefined,
      userId: email.userId,
      headers: email.headers,
      idempotencyKey: `resend-${email.id}`,
      rendered: { html: email.html, text: email.text },
    });
  } catch (error) {
    throw new AppError("UNAVAILABLE", "The email service did not accept the email again; it is listed in the outbox as failed.", { cause: error });
  }
  await auditAdminAction(db, actor, { action: "admin.email-retried", subjectUserId: email.userId, target: { type: "email", id: email.id }, details: { to: email.to, subject: email.subject, resentAs: sent.id } });
  return sent;
}
