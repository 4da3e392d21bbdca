import type { z } from "zod";
import type { Database } from "@/db";
import type { ExportKind } from "@/db/schema/exports";
import { archiveWriter, syncSnapshotWriter } from "@/server/account/privacy/archive/writer";
import { fhirWriter } from "./fhir/writer";
import { csvExportWriter } from "./csv-writer";

/**
 * One kind of export: how its options are checked and how its file is written. The export job
 * (inngest/functions/exports/) finds the writer by kind, streams what `write` yields into file
 * storage and keeps the row's progress; a writer never holds the whole file in memory.
 */
export interface ExportWriter<Params = unknown> {
  kind: ExportKind;
  /** The options a user may send (validated when the export is requested and again in the job). */
  params: z.ZodType<Params>;
  /** File name offered on download, e.g. `biosync-heart-rate-2026-01-01-2026-12-31.csv`. */
  filename(params: Params, now: Date): string;
  contentType: string;
  write(db: Database, context: ExportContext<Params>): AsyncIterable<Uint8Array | string>;
}

export interface ExportContext<Params> {
  userId: string;
  params: Params;
  /** The user's time zone (IANA). */
  timeZone: string;
  /** Units done of units expected (rows, tables); throttled by the caller. */
  progress(done: number, total: number | null): Promise<void>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyExportWriter = ExportWriter<any>;

/** Every kind's writer (a new kind in EXPORT_KINDS does not compile until it has one). */
export const EXPORT_WRITERS: Record<ExportKind, AnyExportWriter> = {
  csv: csvExportWriter,
  archive: archiveWriter,
  "sync-snapshot": syncSnapshotWriter,
  fhir: fhirWriter,
};
