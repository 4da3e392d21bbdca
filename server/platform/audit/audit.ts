import { and, eq, type SQL } from "drizzle-orm";
import type { Database } from "@/db";
import { auditEvents, type AuditEvent } from "@/db/schema/audit";
import { insertJsonRows } from "@/db/upsert";
import { afterCursor, newestFirst } from "../../keyset";
import { toPage, type Paginated, type PaginationInput } from "../../pagination";

/** Every action the audit trail records, `<area>.<what happened>`; a new one is added here, with its label in ./labels.ts. */
export const auditActions = [
  "outbox.message-opened",
  "analytics.score-weights-changed",
  "exports.downloaded",
  "journal.notes-read",
  "journal.notes-written",
  "privacy.deletion-requested",
  "privacy.deletion-confirmed",
  "privacy.deletion-cancelled",
  "privacy.account-erased",
  "privacy.raw-retention-changed",
  "privacy.raw-payloads-removed",
  "teams.scores-shared",
  "teams.scores-unshared",
  "teams.scores-read",
  "admin.user-opened",
  "admin.health-data-opened",
  "admin.plan-changed",
  "admin.role-changed",
  "admin.user-disabled",
  "admin.user-enabled",
  "admin.sessions-ended",
  "admin.job-retried",
  "admin.job-cancelled",
  "admin.email-retried",
  "api-tokens.created",
  "api-tokens.revoked",
] as const;
export type AuditAction = (typeof auditActions)[number];

export interface AuditEntry {
  action: AuditAction;
  /** Who did it; null for the system. */
  actorUserId: string | null;
  /** Whose data it touched, when someone's. */
  subjectUserId?: string | null;
  target?: { type: string; id: string };
  ip?: string | null;
  details?: Record<string, unknown>;
}

const auditRow = (entry: AuditEntry, at: Date) => ({
  at,
  action: entry.action,
  actorUserId: entry.actorUserId,
  subjectUserId: entry.subjectUserId ?? null,
  targetType: entry.target?.type ?? null,
  targetId: entry.target?.id ?? null,
  ip: entry.ip ?? null,
  details: entry.details ?? {},
});

/** Adds one event to the audit trail (call it in the transaction of what it records, where there is one). */
export async function recordAudit(db: Database, entry: AuditEntry, at: Date = new Date()): Promise<AuditEvent> {
  const [row] = await db.insert(auditEvents).values(auditRow(entry, at)).returning();
  if (!row) throw new Error("The audit insert returned no row");
  return row;
}

/** Adds several events in one statement (a batch of writes, each audited). */
export async function recordAudits(db: Database, entries: readonly AuditEntry[], at: Date = new Date()): Promise<void> {
  if (entries.length) await db.execute(insertJsonRows(auditEvents, entries.map((entry) => auditRow(entry, at))));
}

export interface AuditFilter {
  actorUserId?: string;
  subjectUserId?: string;
  action?: AuditAction;
  target?: { type: string; id: string };
}

/** The audit trail newest first, filtered by actor, subject, action or target. */
export async function listAuditEvents(db: Database, input: PaginationInput & AuditFilter): Promise<Paginated<AuditEvent>> {
  const conditions: (SQL | undefined)[] = [
    input.actorUserId ? eq(auditEvents.actorUserId, input.actorUserId) : undefined,
    input.subjectUserId ? eq(auditEvents.subjectUserId, input.subjectUserId) : undefined,
    input.action ? eq(auditEvents.action, input.action) : undefined,
    input.target ? and(eq(auditEvents.targetType, input.target.type), eq(auditEvents.targetId, input.target.id)) : undefined,
    afterCursor(auditEvents.at, auditEvents.id, input.cursor),
  ];
  const rows = await db
    .select()
    .from(auditEvents)
    .where(and(...conditions))
    .orderBy(...newestFirst(auditEvents.at, auditEvents.id))
    .limit(input.limit + 1);
  return toPage(rows, input.limit, (row) => row.at);
}
