import { boolean, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { ownerColumn } from "./auth";

/** The consents a user can give or withdraw (their current value is in privacy_settings). */
export const CONSENT_NAMES = ["share_anonymous_data", "research"] as const;
export type ConsentName = (typeof CONSENT_NAMES)[number];

/** Every consent decision, with the policy version it was given under. Rows are only ever added. */
export const consentRecords = pgTable(
  "consent_records",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: ownerColumn(),
    consent: text("consent", { enum: CONSENT_NAMES }).notNull(),
    version: text("version").notNull(),
    granted: boolean("granted").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("consent_records_user_at_idx").on(t.userId, t.at, t.id)],
);

/**
 * - requested: waiting for the emailed link to be followed;
 * - scheduled: confirmed, erased once `scheduledFor` passes unless cancelled;
 * - erasing: the erasure job has started (it can no longer be cancelled);
 * - cancelled: the user kept the account.
 */
export const DELETION_STATUSES = ["requested", "scheduled", "erasing", "cancelled"] as const;
export type DeletionStatus = (typeof DELETION_STATUSES)[number];

/** A user's account deletion request (one per user; a new request reuses it). */
export const accountDeletions = pgTable(
  "account_deletions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: ownerColumn().unique(),
    status: text("status", { enum: DELETION_STATUSES }).notNull(),
    /** Where the receipt goes: the account's address when the deletion was requested. */
    receiptEmail: text("receipt_email").notNull(),
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull().defaultNow(),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    scheduledFor: timestamp("scheduled_for", { withTimezone: true }),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
  },
  (t) => [index("account_deletions_due_idx").on(t.status, t.scheduledFor)],
);

export type ConsentRecord = typeof consentRecords.$inferSelect;
export type AccountDeletion = typeof accountDeletions.$inferSelect;
