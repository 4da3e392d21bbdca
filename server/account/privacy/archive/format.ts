import { z } from "zod";

/*
 * The "Download all my data" archive, version 1: a zip whose FIRST entry is the manifest
 * `biosync-archive.json` (so an upload is recognized from its first bytes: a zip's local header
 * holds the entry name at offset 30), then per exported table `tables/<sql name>.json` (a JSON
 * array with one row per line, keys the SQL column names) and `tables/<sql name>.csv` (the same
 * rows with a header line, for spreadsheets). Encrypted columns (`*_enc`) appear decrypted under
 * their name without the suffix: the archive is the user's own copy. The import reads the JSON.
 */

export const ARCHIVE_FORMAT = "biosync-archive";
export const ARCHIVE_VERSION = 1;
export const MANIFEST_ENTRY = "biosync-archive.json";
export const ROWS_LAYOUT = "tables/<name>.json: a JSON array, one row per line; tables/<name>.csv: the same rows, a header line first";

export const tableEntryName = (table: string, ext: "json" | "csv") => `tables/${table}.${ext}`;

export const manifestTableSchema = z.strictObject({
  name: z.string().regex(/^[a-z][a-z0-9_]{0,62}$/),
  rows: z.number().int().nonnegative(),
  /** The archive's field names in order (SQL column names; decrypted ones without `_enc`). */
  columns: z.array(z.string().min(1).max(63)).min(1),
  /** Fields that are stored encrypted and were decrypted into the archive. */
  decrypted: z.array(z.string()),
  /** SHA-256 (hex) of the table's JSON entry. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export const manifestSchema = z.strictObject({
  format: z.literal(ARCHIVE_FORMAT),
  version: z.literal(ARCHIVE_VERSION),
  exportedAt: z.iso.datetime(),
  userId: z.uuid(),
  layout: z.string(),
  tables: z.array(manifestTableSchema),
});

export type ArchiveManifest = z.infer<typeof manifestSchema>;
export type ManifestTable = z.infer<typeof manifestTableSchema>;
