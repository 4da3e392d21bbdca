import type { Database } from "@/db";
import { listAuditEvents, type AuditAction } from "../../platform/audit/audit";
import { auditActionLabels } from "../../platform/audit/labels";
import type { Paginated, PaginationInput } from "../../pagination";

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
