import { bigint, boolean, index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { ownerColumn, users } from "./auth";

/**
 * Offline-first sync (server/sync). Every synced table carries `version` (syncColumns in
 * _columns.ts), stamped by a trigger (db/sync-triggers.ts) from the user's counter here, in the
 * same transaction as the write: the counter row stays locked until commit, so versions become
 * visible in the order they were taken and a cookie never skips a change.
 */
export const syncCounters = pgTable("sync_counters", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  version: bigint("version", { mode: "number" }).notNull().default(0),
});

/** A browser profile (one IndexedDB): its clients share the outbox. */
export const syncClientGroups = pgTable("sync_client_groups", {
  id: text("id").primaryKey(),
  userId: ownerColumn(),
  /** What the browser said it is ("Chrome on Linux"), for the conflicts page. */
  label: text("label"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** A client of a group, with the last mutation of its outbox the server has run (or rejected). */
export const syncClients = pgTable(
  "sync_clients",
  {
    id: text("id").primaryKey(),
    /** A syncClientGroups id (no foreign key: both go with their user). */
    clientGroupId: text("client_group_id").notNull(),
    userId: ownerColumn(),
    lastMutationId: bigint("last_mutation_id", { mode: "number" }).notNull().default(0),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("sync_clients_group_idx").on(t.clientGroupId)],
);

/**
 * A deleted synced row: the row leaves its table (reads, unique keys and exports never see it),
 * and this tombstone carries the delete to other devices. Key: the row's primary key values joined with "/".
 */
export const syncTombstones = pgTable(
  "sync_tombstones",
  {
    userId: ownerColumn(),
    tableName: text("table_name").notNull(),
    rowKey: text("row_key").notNull(),
    version: bigint("version", { mode: "number" }).notNull(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.tableName, t.rowKey] }), index("sync_tombstones_user_version_idx").on(t.userId, t.version)],
);

/**
 * The hybrid logical clock of the write that set a field's current value through sync. A field
 * without one was last written another way (a page of the API, an import, a job) at `updated_at`.
 */
export const syncFieldClocks = pgTable(
  "sync_field_clocks",
  {
    userId: ownerColumn(),
    tableName: text("table_name").notNull(),
    /** The mutation's row locator as canonical JSON ({"local_date":"2026-12-01"}). */
    rowKey: text("row_key").notNull(),
    field: text("field").notNull(),
    hlc: text("hlc").notNull(),
    clientGroupId: text("client_group_id"),
  },
  (t) => [primaryKey({ columns: [t.userId, t.tableName, t.rowKey, t.field] })],
);

/**
 * Two devices changed one field of one row from the same base: the clock picked `winning`, and the
 * other value is kept here until the user restores or dismisses it.
 */
export const syncConflicts = pgTable(
  "sync_conflicts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: ownerColumn(),
    tableName: text("table_name").notNull(),
    rowKey: text("row_key").notNull(),
    field: text("field").notNull(),
    /** The mutation that can write the field again (restore). */
    mutation: text("mutation").notNull(),
    winningValue: jsonb("winning_value"),
    losingValue: jsonb("losing_value"),
    winningClientGroupId: text("winning_client_group_id"),
    losingClientGroupId: text("losing_client_group_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    restored: boolean("restored").notNull().default(false),
  },
  (t) => [index("sync_conflicts_user_open_idx").on(t.userId, t.resolvedAt, t.createdAt)],
);

/** A pushed mutation the server refused (invalid, not the user's, not on the plan), with why. */
export const syncRejections = pgTable(
  "sync_rejections",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: ownerColumn(),
    clientId: text("client_id").notNull(),
    mutationId: bigint("mutation_id", { mode: "number" }).notNull(),
    mutation: text("mutation").notNull(),
    reason: text("reason").notNull(),
    message: text("message").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("sync_rejections_client_mutation_uq").on(t.clientId, t.mutationId)],
);
