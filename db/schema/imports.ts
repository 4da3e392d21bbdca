import { sql } from "drizzle-orm";
import { bigint, customType, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { oneOf } from "./_columns";
import { ownerColumn } from "./auth";

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

export const IMPORT_STATUSES = ["uploading", "queued", "checking", "running", "succeeded", "failed"] as const;
/** An import of these statuses holds its file: another upload of the same file is its duplicate. */
export const LIVE_IMPORT_STATUSES = ["queued", "checking", "running", "succeeded"] as const satisfies readonly (typeof IMPORT_STATUSES)[number][];

/** An uploaded file (Apple Health export, provider CSV) and the progress of its import. */
export const fileImports = pgTable(
  "file_imports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: ownerColumn(),
    kind: text("kind").notNull(),
    filename: text("filename").notNull(),
    sizeBytes: bigint("size_bytes", { mode: "number" }).notNull().default(0),
    /** SHA-256 of the file: the same file uploaded again is not imported twice. */
    contentHash: text("content_hash"),
    /** `checking`: an Apple export is read whole for structure before anything is stored. */
    status: text("status", { enum: IMPORT_STATUSES }).notNull().default("uploading"),
    /** Fitbit exports hold several people: the `Id` to import (null: the first one in the file). */
    accountId: text("account_id"),
    bytesProcessed: bigint("bytes_processed", { mode: "number" }).notNull().default(0),
    itemsImported: integer("items_imported").notNull().default(0),
    skipped: integer("skipped").notNull().default(0),
    errorCount: integer("error_count").notNull().default(0),
    /** The first row errors: { line?, recordType, message }. */
    errors: jsonb("errors").$type<{ line?: number; recordType: string; message: string }[]>().notNull().default([]),
    error: text("error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    index("file_imports_user_created_idx").on(t.userId, t.createdAt),
    index("file_imports_user_hash_idx").on(t.userId, t.contentHash),
    // One live import per file and person: of parallel uploads of one file, the first to queue wins.
    uniqueIndex("file_imports_live_content_uq")
      .on(t.userId, t.contentHash, sql`coalesce(${t.accountId}, '')`)
      .where(oneOf(t.status, LIVE_IMPORT_STATUSES)),
  ],
);

/**
 * The uploaded bytes, in 1 MiB pieces, until the import finishes: kept in the database so that
 * any instance (or Inngest calling any instance) can read them.
 */
export const fileImportChunks = pgTable(
  "file_import_chunks",
  {
    importId: uuid("import_id")
      .notNull()
      .references(() => fileImports.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    data: bytea("data").notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.seq] })],
);
