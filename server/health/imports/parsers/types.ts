import type { NormalizedBatch } from "../../types";

/** Anything that yields a file's bytes in order: a Node Readable, a web ReadableStream, an async generator. */
export type ByteSource = AsyncIterable<Uint8Array | string>;

export const IMPORT_KINDS = ["apple_zip", "apple_xml", "fitbit_daily_csv", "whoop_cycles_csv", "whoop_journal_csv", "biosync_archive", "biosync_csv"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** One input row (or XML element) that could not be imported; the import goes on without it. */
export interface ImportRowError {
  /** 1-based line in the file (the uncompressed XML for a zip). */
  line?: number;
  /** Apple record type, CSV column or the row kind the error is about. */
  recordType: string;
  message: string;
}

export interface ImportProgress {
  bytesRead: number;
  /** Null when the size of the input is not known up front. */
  totalBytes: number | null;
  /** Normalized items (samples, sessions, workouts, daily totals) handed out so far. */
  items: number;
  /** Input rows or records not imported on purpose (unknown types, repeats, days without data). */
  skipped: number;
  errorCount: number;
}

/** A bounded chunk of normalized items; CSVs holding several people tag each chunk with one account id. */
export interface ImportBatch extends NormalizedBatch {
  /** The file's own person id (Fitbit `Id`), or null for single-person exports. */
  accountId: string | null;
}

export interface ImportRun {
  /** Iterate once: parsing happens as the consumer pulls, so a slow consumer holds the input back. */
  batches: AsyncIterable<ImportBatch>;
  progress(): ImportProgress;
  /** The first `maxErrors` row errors (all of them are counted in `progress().errorCount`). */
  errors(): readonly ImportRowError[];
  /** How many input records were skipped, by reason or record type. */
  skipped(): Readonly<Record<string, number>>;
}

export interface ImportOptions {
  /** Upper bound of items in one batch (default 5,000). */
  batchSize?: number;
  /** How many row errors to keep in detail (default 1,000); more are only counted. */
  maxErrors?: number;
  /** Size of the input in bytes when known (e.g. from the upload), for progress. */
  totalBytes?: number | null;
  /** Fitbit files hold several people: import only these `Id`s (default all). */
  accountIds?: readonly string[];
}

export const DEFAULT_BATCH_SIZE = 5_000;
export const DEFAULT_MAX_ERRORS = 1_000;

/** The largest upload accepted (a multi-year Apple Health export.zip stays well below it). */
export const MAX_IMPORT_BYTES = 4 * 1024 ** 3;
