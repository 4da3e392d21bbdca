import { aliasedTable, and, eq, gte, ilike, lt, type SQL } from "drizzle-orm";
import type { Database } from "@/db";
import { auditEvents } from "@/db/schema/audit";
import { users } from "@/db/schema/auth";
import type { AuditAction } from "../platform/audit/audit";
import { auditActionLabels } from "../platform/audit/labels";
import { afterCursor, newestFirst } from "../keyset";
import { toPage, type PaginationInput } from "../pagination";
import { containsPattern } from "./like";

export interface AuditLogFilter {
  action?: AuditAction | null;
  /** Part of the actor's email. */
  actorEmail?: string | null;
  /** Part of the subject's email. */
  subjectEmail?: string | null;
  /** From this instant (inclusive). */
  from?: Date | null;
  /** Until this instant (exclusive). */
  to?: Date | null;
}

const actor = aliasedTable(users, "actor");
const subject = aliasedTable(users, "subject");

/** The audit trail for admins, newest first, with the emails of who did what to whom. */
export async function listAuditLog(db: Database, input: PaginationInput & AuditLogFilter) {
  const conditions: (SQL | undefined)[] = [
    input.action ? eq(auditEvents.action, input.action) : undefined,
    input.actorEmail?.trim() ? ilike(actor.email, containsPattern(input.actorEmail.trim().toLowerCase())) : undefined,
    input.subjectEmail?.trim() ? ilike(subject.email, containsPattern(input.subjectEmail.trim().toLowerCase())) : undefined,
    input.from ? gte(auditEvents.at, input.from) : undefined,
    input.to ? lt(auditEvents.at, input.to) : undefined,
    afterCursor(auditEvents.at, auditEvents.id, input.cursor),
  ];
  const rows = await db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      action: auditEvents.action,
      actorUserId: auditEvents.actorUserId,
      actorEmail: actor.email,
      subjectUserId: auditEvents.subjectUserId,
      subjectEmail: subject.email,
      targetType: auditEvents.targetType,
      targetId: auditEvents.targetId,
      ip: auditEvents.ip,
      details: auditEvents.details,
    })
    .from(auditEvents)
    .leftJoin(actor, eq(actor.id, auditEvents.actorUserId))
    .leftJoin(subject, eq(subject.id, auditEvents.subjectUserId))
    .where(and(...conditions))
    .orderBy(...newestFirst(auditEvents.at, auditEvents.id))
    .limit(input.limit + 1);
  const page = toPage(rows, input.limit, (row) => row.at);
  return { nextCursor: page.nextCursor, items: page.items.map((row) => ({ ...row, label: labelOf(row.action) })) };
}

function labelOf(action: string): string {
  return (auditActionLabels as Record<string, string>)[action] ?? action;
}
