import type { Database } from "@/db";
import { listAuditEvents, type AuditAction } from "../../platform/audit/audit";
import type { Paginated, PaginationInput } from "../../pagination";

/** What each audited action means to the person it concerns; every action has a label here. */
export const auditActionLabels: Record<AuditAction, string> = {
  "outbox.message-opened": "Opened an email sent to you (in the admin outbox)",
  "analytics.score-weights-changed": "Changed your energy score weights",
  "privacy.deletion-requested": "Asked to delete your account",
  "privacy.deletion-confirmed": "Confirmed the deletion of your account",
  "privacy.deletion-cancelled": "Cancelled the deletion of your account",
  "privacy.account-erased": "Erased the account",
  "privacy.raw-retention-changed": "Changed how long raw device data is kept",
  "privacy.raw-payloads-removed": "Removed raw device data past its retention period",
};

export type ActivityActor = "you" | "an administrator" | "BioSync";

export interface ActivityItem {
  id: string;
  at: Date;
  action: string;
  label: string;
  who: ActivityActor;
}

/** Audit events whose subject is the user, newest first, in words. */
export async function listActivity(db: Database, userId: string, input: PaginationInput): Promise<Paginated<ActivityItem>> {
  const page = await listAuditEvents(db, { ...input, subjectUserId: userId });
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((event) => ({
      id: event.id,
      at: event.at,
      action: event.action,
      label: auditActionLabels[event.action as AuditAction] ?? event.action,
      who: event.actorUserId === null ? "BioSync" : event.actorUserId === userId ? "you" : "an administrator",
    })),
  };
}
