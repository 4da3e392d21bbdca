import { bigint, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { ownerColumn } from "./auth";

/** What a user can take away: chosen metrics as CSV, everything as a zip archive, observations as FHIR R4. */
export const EXPORT_KINDS = ["csv", "archive", "sync-snapshot", "fhir"] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export const EXPORT_STATUSES = ["queued", "running", "succeeded", "failed", "expired"] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];

/** One requested export: its job's progress, then the stored file until it expires. */
export const dataExports = pgTable(
  "data_exports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: ownerColumn(),
    kind: text("kind", { enum: EXPORT_KINDS }).notNull(),
    status: text("status", { enum: EXPORT_STATUSES }).notNull().default("queued"),
    /** The kind's options as validated at request time (CSV: metrics and range). */
    params: jsonb("params").$type<Record<string, unknown>>().notNull().default({}),
    /** Units of work done and expected (rows, tables); total null until known. */
    progressDone: integer("progress_done").notNull().default(0),
    progressTotal: integer("progress_total"),
    /** Where the file is in file storage (null until written, and again once expired). */
    storageKey: text("storage_key"),
    filename: text("filename"),
    bytes: bigint("bytes", { mode: "number" }),
    error: text("error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    /** After this the file is deleted and the row shows as expired. */
    expiresAt: timestamp("expires_at", { withTimezone: true }),
  },
  (t) => [index("data_exports_user_created_idx").on(t.userId, t.createdAt)],
);

export type DataExport = typeof dataExports.$inferSelect;
