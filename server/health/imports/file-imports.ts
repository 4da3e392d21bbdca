import { setImmediate } from "node:timers/promises";
import { and, asc, desc, eq, gt, lt, or, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { fileImportChunks, fileImports } from "@/db/schema";
import { AppError } from "../../errors";
import { decodeCursor, toPage, type Paginated } from "../../pagination";
import {
  checkImport,
  isImportKind,
  MAX_IMPORT_BYTES,
  needsStructuralCheck,
  parseImport,
  spoolToTempFile,
  UNSUPPORTED_FILE_MESSAGE,
  type ImportRun,
  type ImportSource,
} from "./parsers";
import { storeNormalized, type NormalizedItem } from "../ingestion/ingest";
import { userTimeZone } from "../../account/profile/service";
import { RECORD_IMPORTERS, type RecordImporter } from "./record-importers";

export type FileImport = typeof fileImports.$inferSelect;

export { MAX_IMPORT_BYTES };
export { receiveUpload, type UploadInput } from "./uploads";
/** How often a running import writes its progress (the upload page polls it). */
const PROGRESS_EVERY_MS = 1000;

/**
 * The stored upload, piece by piece, without holding more than one piece in memory. Pieces travel as
 * base64 text, as they were written (PGlite decodes a bytea result at ~120 ms per MiB, base64 at ~7), and
 * each piece gives the event loop a turn: in embedded PGlite the import shares the server's thread.
 */
async function* storedBytes(db: Database, importId: string): AsyncGenerator<Uint8Array> {
  let seq = -1;
  for (;;) {
    const [piece] = await db
      .select({ seq: fileImportChunks.seq, data: sql<string>`encode(${fileImportChunks.data}, 'base64')` })
      .from(fileImportChunks)
      .where(and(eq(fileImportChunks.importId, importId), gt(fileImportChunks.seq, seq)))
      .orderBy(asc(fileImportChunks.seq))
      .limit(1);
    if (!piece) return;
    seq = piece.seq;
    await setImmediate();
    yield Buffer.from(piece.data, "base64");
  }
}

export interface RunImportOptions {
  /** False while the job will try again after a failure: the uploaded pieces stay for that attempt. */
  finalAttempt?: boolean;
}

/** A failure that another attempt cannot fix: the file itself is wrong (bad columns, not a zip, broken XML). */
export function isBadImportInput(error: unknown): error is AppError {
  return error instanceof AppError && error.status >= 400 && error.status < 500;
}

/**
 * Parses and stores an uploaded file through the providers' normalized shape, then rolls up its days.
 *
 * A failed import keeps nothing. One transaction for the whole file is no way to get there (embedded PGlite
 * would be frozen for minutes), so a file that could break halfway is read whole first: an Apple export goes
 * through a structural pass ("checking") over the stored bytes, and only a sound file is then imported. CSVs
 * need no such pass (their header is checked before the first row; a broken row is only that row).
 * Bad input fails at once and its uploaded pieces are removed; other failures keep them for the retry,
 * until the last attempt.
 */
export async function runImport(db: Database, importId: string, opts: RunImportOptions = {}): Promise<FileImport> {
  const [row] = await db.select().from(fileImports).where(eq(fileImports.id, importId));
  if (!row) throw AppError.notFound("Import");
  if (row.status === "succeeded") return row;
  let items = 0;
  let run: ImportRun | null = null;
  let spooled: { path: string; remove: () => Promise<void> } | null = null;
  /** Bytes of the upload behind a parser's position (a zip's parser counts its inflated export.xml). */
  const uploadBytes = (bytesRead: number, totalBytes: number | null) =>
    totalBytes && totalBytes !== row.sizeBytes ? Math.round((bytesRead / totalBytes) * row.sizeBytes) : bytesRead;
  const save = async (values: Partial<FileImport>) => {
    const [updated] = await db.update(fileImports).set(values).where(eq(fileImports.id, importId)).returning();
    return updated!;
  };
  const saveProgress = (extra: Partial<FileImport> = {}) => {
    const p = run?.progress();
    return save({
      ...(p ? { bytesProcessed: uploadBytes(p.bytesRead, p.totalBytes), skipped: p.skipped, errorCount: p.errorCount, errors: run!.errors().slice(0, 100).map((e) => ({ ...e })) } : {}),
      itemsImported: items,
      ...extra,
    });
  };
  const due = throttle(PROGRESS_EVERY_MS);
  try {
    if (!isImportKind(row.kind)) throw AppError.field("file", UNSUPPORTED_FILE_MESSAGE);
    const kind = row.kind;
    const importer = RECORD_IMPORTERS[kind];
    if (importer) return await runRecordImport(db, row, importer, save);
    const checked = needsStructuralCheck(kind);
    await save({ status: checked ? "checking" : "running", startedAt: new Date(), error: null, bytesProcessed: 0 });
    const timeZone = await userTimeZone(db, row.userId);
    // A zip is read at random: written out once, then checked and parsed from the same file.
    if (kind === "apple_zip") spooled = await spoolToTempFile(storedBytes(db, importId));
    const source = (): ImportSource => (spooled ? { path: spooled.path } : storedBytes(db, importId));
    if (checked) {
      await checkImport(kind, source(), async (bytesRead, totalBytes) => {
        if (due()) await save({ bytesProcessed: uploadBytes(bytesRead, totalBytes) });
      });
      await save({ status: "running", bytesProcessed: 0 });
    }
    const parsed = parseImport(kind, source(), { totalBytes: row.sizeBytes, accountIds: row.accountId ? [row.accountId] : undefined });
    run = parsed;
    let chosenAccount: string | null = row.accountId;
    async function* ofChosenAccount(): AsyncGenerator<NormalizedItem[]> {
      for await (const batch of parsed.batches) {
        // A multi-person CSV imports one person: the chosen one, else the first seen.
        chosenAccount ??= batch.accountId;
        if (batch.accountId === chosenAccount) yield [{ rawRecordId: null, batch }];
      }
    }
    await storeNormalized(db, { userId: row.userId, timeZone }, ofChosenAccount(), {
      afterGroup: async (stored) => {
        items += stored.samples + stored.sleepSessions + stored.workouts + stored.dailyTotals;
        if (due()) await saveProgress();
      },
    });
    const done = await saveProgress({ status: "succeeded", finishedAt: new Date(), accountId: chosenAccount, bytesProcessed: row.sizeBytes });
    await db.delete(fileImportChunks).where(eq(fileImportChunks.importId, importId));
    return done;
  } catch (error) {
    const final = isBadImportInput(error) || (opts.finalAttempt ?? true);
    const message = error instanceof Error ? error.message : String(error);
    // Waiting for its retry, the import shows as queued (still in progress) with the last error.
    await saveProgress({ status: final ? "failed" : "queued", finishedAt: final ? new Date() : null, error: message });
    if (final) await db.delete(fileImportChunks).where(eq(fileImportChunks.importId, importId));
    throw error;
  } finally {
    await spooled?.remove();
  }
}

/** An upload its own domain stores (see record-importers.ts), with the same progress, errors and clean-up. */
async function runRecordImport(db: Database, row: FileImport, importer: RecordImporter, save: (values: Partial<FileImport>) => Promise<FileImport>): Promise<FileImport> {
  const due = throttle(PROGRESS_EVERY_MS);
  const spooled: { path: string; remove: () => Promise<void> }[] = [];
  await save({ status: "running", startedAt: new Date(), error: null, bytesProcessed: 0 });
  try {
    const result = await importer.run(db, {
      userId: row.userId,
      timeZone: await userTimeZone(db, row.userId),
      sizeBytes: row.sizeBytes,
      bytes: () => storedBytes(db, row.id),
      file: async () => {
        const file = await spoolToTempFile(storedBytes(db, row.id));
        spooled.push(file);
        return file.path;
      },
      progress: async ({ bytesRead, items, errorCount }) => {
        if (due()) await save({ bytesProcessed: Math.min(bytesRead, row.sizeBytes), itemsImported: items, errorCount });
      },
    });
    const done = await save({
      status: "succeeded",
      finishedAt: new Date(),
      bytesProcessed: row.sizeBytes,
      itemsImported: result.items,
      skipped: result.skipped,
      errorCount: result.errorCount,
      errors: result.errors.slice(0, 100).map((e) => ({ ...e })),
    });
    await db.delete(fileImportChunks).where(eq(fileImportChunks.importId, row.id));
    return done;
  } finally {
    await Promise.all(spooled.map((file) => file.remove()));
  }
}

/** True at most once per `intervalMs`. */
function throttle(intervalMs: number): () => boolean {
  let last = Date.now();
  return () => {
    if (Date.now() - last < intervalMs) return false;
    last = Date.now();
    return true;
  };
}

export async function getImport(db: Database, userId: string, id: string): Promise<FileImport> {
  const [row] = await db.select().from(fileImports).where(and(eq(fileImports.id, id), eq(fileImports.userId, userId)));
  if (!row) throw AppError.notFound("Import");
  return row;
}

export async function listImports(db: Database, userId: string, opts: { cursor?: string | null; limit: number }): Promise<Paginated<FileImport>> {
  const cursor = decodeCursor(opts.cursor);
  const rows = await db
    .select()
    .from(fileImports)
    .where(
      and(
        eq(fileImports.userId, userId),
        cursor ? or(lt(fileImports.createdAt, cursor.at), and(eq(fileImports.createdAt, cursor.at), lt(fileImports.id, cursor.id))) : undefined,
      ),
    )
    .orderBy(desc(fileImports.createdAt), desc(fileImports.id))
    .limit(opts.limit + 1);
  return toPage(rows, opts.limit, (r) => r.createdAt);
}
