import { and, eq, gt, ilike } from "drizzle-orm";
import type { Database } from "@/db";
import { emailOutbox } from "@/db/schema";
import { AppError } from "../../errors";
import { afterCursor, newestFirst } from "../../keyset";
import { toPage, type PaginationInput } from "../../pagination";
import { recordAudit } from "../audit/audit";

export async function listOutbox(db: Database, input: PaginationInput & { to?: string }) {
  const search = input.to?.trim().toLowerCase();
  const rows = await db
    .select({
      id: emailOutbox.id,
      to: emailOutbox.to,
      subject: emailOutbox.subject,
      tag: emailOutbox.tag,
      transport: emailOutbox.transport,
      status: emailOutbox.status,
      secretLink: emailOutbox.secretLink,
      createdAt: emailOutbox.createdAt,
    })
    .from(emailOutbox)
    .where(and(search ? ilike(emailOutbox.to, `%${escapeLike(search)}%`) : undefined, afterCursor(emailOutbox.createdAt, emailOutbox.id, input.cursor)))
    .orderBy(...newestFirst(emailOutbox.createdAt, emailOutbox.id))
    .limit(input.limit + 1);
  return toPage(rows, input.limit, (r) => r.createdAt);
}

/**
 * One email, for an admin. An email that still holds a link to someone's account (the outbox is
 * the mailbox when Resend is not configured) is audited on every opening: who, from where, and
 * whose address.
 */
export async function openOutboxEmail(db: Database, id: string, reader: { userId: string; ip: string | null }) {
  const [email] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, id));
  if (!email) throw AppError.notFound("Email");
  if (email.secretLink === "stored") {
    await recordAudit(db, {
      action: "outbox.message-opened",
      actorUserId: reader.userId,
      subjectUserId: email.userId,
      target: { type: "email", id: email.id },
      ip: reader.ip,
      details: { to: email.to, tag: email.tag, subject: email.subject },
    });
  }
  return email;
}

/** Whether an email tagged `tag` about `userId` was sent after `since` (to space out notices). */
export async function hasRecentEmail(db: Database, input: { userId: string; tag: string; since: Date }): Promise<boolean> {
  const [row] = await db
    .select({ id: emailOutbox.id })
    .from(emailOutbox)
    .where(and(eq(emailOutbox.userId, input.userId), eq(emailOutbox.tag, input.tag), gt(emailOutbox.createdAt, input.since)))
    .limit(1);
  return row !== undefined;
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
