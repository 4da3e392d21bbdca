import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { ownerColumn, users } from "./auth";

/** Every accepted webhook, once per idempotency key (a duplicate is answered 200 and ignored). */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    provider: text("provider").notNull(),
    idempotencyKey: text("idempotency_key").notNull(),
    eventType: text("event_type").notNull(),
    externalUserId: text("external_user_id"),
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    body: jsonb("body").notNull(),
    status: text("status", { enum: ["received", "processed", "ignored", "failed"] }).notNull().default("received"),
    error: text("error"),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp("processed_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("webhook_deliveries_idem_uq").on(t.provider, t.idempotencyKey),
    index("webhook_deliveries_user_idx").on(t.userId, t.receivedAt),
    // The system status reads the last hour's outcomes per provider (server/platform/ops/status-reader.ts).
    index("webhook_deliveries_received_at_idx").on(t.receivedAt),
  ],
);

/**
 * Raw provider records as received (jsonb), one row per provider record. `contentHash` makes a
 * re-delivery a no-op; `revisionAt` orders revisions so a late, older copy never wins.
 */
export const rawRecords = pgTable(
  "raw_records",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: ownerColumn(),
    source: text("source").notNull(),
    recordType: text("record_type").notNull(),
    recordId: text("record_id").notNull(),
    payload: jsonb("payload").notNull(),
    contentHash: text("content_hash").notNull(),
    revisionAt: timestamp("revision_at", { withTimezone: true }),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    /**
     * When the retention setting removed the payload (it is JSON null since). The row stays: its
     * identity and content hash keep a re-delivery a no-op and a revision replacing the right rows.
     */
    payloadPurgedAt: timestamp("payload_purged_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("raw_records_identity_uq").on(t.userId, t.source, t.recordType, t.recordId)],
);
