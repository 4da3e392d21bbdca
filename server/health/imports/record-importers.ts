import type { Database } from "@/db";
import { whoopJournalImporter } from "../journal/whoop-journal-import";
import { archiveImporter } from "@/server/account/privacy/archive/import";
import type { ByteSource, ImportKind, ImportRowError } from "./parsers/types";

/**
 * Uploads that are not time series (a journal export, a BioSync archive) go through the same upload,
 * job and progress as every import, but their own domain stores them. An importer is listed in
 * RECORD_IMPORTERS under its kind (the kind is also in IMPORT_KINDS); `detectImportKind` asks the
 * importers before the series formats, and `runImport` hands such a file to its importer.
 */
export interface RecordImporter {
  /** Recognizes the file from its name and first bytes (up to DETECT_BYTES). */
  detect(filename: string, firstBytes: Uint8Array): boolean;
  /** Stores the file's records for the user. A broken file throws an AppError 4xx (nothing kept); a bad row is an error of the result. */
  run(db: Database, input: RecordImportInput): Promise<RecordImportResult>;
  /** Which part of the app shows what was imported (the upload page links there), e.g. "/journal". */
  resultHref?: string;
  /** The file brings the insights derived from its data (a BioSync archive): no recompute after it, which would rewrite them. */
  carriesInsights?: boolean;
}

export interface RecordImportInput {
  userId: string;
  /** The user's time zone (IANA). */
  timeZone: string;
  sizeBytes: number;
  /** The uploaded bytes in order; call again for a second pass. */
  bytes(): ByteSource;
  /** The upload written to a temporary file, for random access (a zip); removed after the run. */
  file(): Promise<string>;
  /** Call now and then; it throttles the writes itself. */
  progress(update: { bytesRead: number; items: number; errorCount: number }): Promise<void>;
}

export interface RecordImportResult {
  /** Records stored (entries, rows). */
  items: number;
  skipped: number;
  /** The first errors in detail, by line; `errorCount` counts all. */
  errors: ImportRowError[];
  errorCount: number;
}

export const RECORD_IMPORTERS: Partial<Record<ImportKind, RecordImporter>> = {
  whoop_journal_csv: whoopJournalImporter,
  biosync_archive: archiveImporter,
};

/** The record importer that recognizes this upload, if any. */
export function detectRecordImport(filename: string, firstBytes: Uint8Array): ImportKind | null {
  for (const [kind, importer] of Object.entries(RECORD_IMPORTERS) as [ImportKind, RecordImporter][]) {
    if (importer.detect(filename, firstBytes)) return kind;
  }
  return null;
}
