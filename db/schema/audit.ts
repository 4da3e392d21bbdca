import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";

/**
 * The audit trail: sensitive reads and admin actions, who did them, to whose data. Rows are only
 * ever added. They outlive the accounts they name (both user columns are set null when the account
 * goes), so that erasing an account cannot erase the trace of what an admin did with it.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    /** Who did it (null: the system, or an account erased since). */
    actorUserId: uuid("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    /** Whose data it touched (null: nobody's in particular, or an account erased since). */
    subjectUserId: uuid("subject_user_id").references(() => users.id, { onDelete: "set null" }),
    /** `<area>.<what happened>`, e.g. "outbox.message-opened" (see server/platform/audit). */
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    ip: text("ip"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index("audit_events_at_idx").on(t.at, t.id),
    index("audit_events_subject_idx").on(t.subjectUserId, t.at),
    index("audit_events_actor_idx").on(t.actorUserId, t.at),
    index("audit_events_target_idx").on(t.targetType, t.targetId),
  ],
);

export type AuditEvent = typeof auditEvents.$inferSelect;
