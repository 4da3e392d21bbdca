import type { Database } from "@/db";
import { recordAudit, type AuditAction } from "../platform/audit/audit";

/** The admin acting and where from: every admin action records both. */
export interface AdminActor {
  userId: string;
  ip: string;
}

export function actorOf(ctx: { user: { id: string }; ip: string }): AdminActor {
  return { userId: ctx.user.id, ip: ctx.ip };
}

/** One audit entry for an admin action on (or opening of) a user's account. */
export async function auditAdminAction(
  db: Database,
  actor: AdminActor,
  entry: { action: AuditAction; subjectUserId: string | null; target?: { type: string; id: string }; details?: Record<string, unknown> },
): Promise<void> {
  await recordAudit(db, {
    action: entry.action,
    actorUserId: actor.userId,
    subjectUserId: entry.subjectUserId,
    // No default target: an action on an account names it as the subject only, so that erasing the
    // account (which detaches the subject) leaves no copy of its id in the trail.
    target: entry.target,
    ip: actor.ip,
    details: entry.details ?? {},
  });
}
