import { and, asc, desc, eq, gt, lt, or } from "drizzle-orm";
import type { Database } from "@/db";
import { fileImportChunks, fileImports } from "@/db/schema";
import { AppError } from "../errors";
import { decodeCursor, toPage, type Paginated } from "../pagination";
import { MAX_IMPORT_BYTES, parseImport } from "./imports";
import { rollupDays } from "./rollup";
import { storeBatches } from "./store";
import { userTimeZone } from "../profile/service";

export type FileImport = typeof fileImports.$inferSelect;

export { MAX_IMPORT_BYTES };
export { receiveUpload, type UploadInput } from "./uploads";
/** How often a running import writes its progress (the upload page polls it). */
const PROGRESS_EVERY_MS = 1000;

/** The stored upload, piece by piece, without holding more than one piece in memory. */
async function* storedBytes(db: Database, importId: string): AsyncGenerator<Uint8Array> {
  let seq = -1;
  for (;;) {
    const [piece] = await db
      .select()
      .from(fileImportChunks)
      .where(and(eq(fileImportChunks.importId, importId), gt(fileImportChunks.seq, seq)))
      .orderBy(asc(fileImportChunks.seq))
      .limit(1);
    if (!piece) return;
    seq = piece.seq;
    yield piece.data;
  }
}

/** Parses and stores an uploaded file through the providers' normalized shape, then rolls up its days. */
export async function runImport(db: Database, importId: string): Promise<FileImport> {
  const [row] = await db.select().from(fileImports).where(eq(fileImports.id, importId));
  if (!row) throw AppError.notFound("Import");
  if (row.status === "succeeded") return row;
  await db.update(fileImports).set({ status: "running", startedAt: new Date(), error: null }).where(eq(fileImports.id, importId));
  const timeZone = await userTimeZone(db, row.userId);
  const run = parseImport(row.kind as Parameters<typeof parseImport>[0], storedBytes(db, importId), {
    totalBytes: row.sizeBytes,
    accountIds: row.accountId ? [row.accountId] : undefined,
  });
  const dates = new Set<string>();
  let items = 0;
  let chosenAccount: string | null = row.accountId;
  let lastProgress = Date.now();
  const saveProgress = async (extra: Partial<FileImport> = {}) => {
    const p = run.progress();
    const [updated] = await db
      .update(fileImports)
      .set({ bytesProcessed: p.bytesRead, itemsImported: items, skipped: p.skipped, errorCount: p.errorCount, errors: run.errors().slice(0, 100).map((e) => ({ ...e })), ...extra })
      .where(eq(fileImports.id, importId))
      .returning();
    return updated!;
  };
  try {
    for await (const batch of run.batches) {
      // A multi-person CSV imports one person: the chosen one, else the first seen.
      chosenAccount ??= batch.accountId;
      if (batch.accountId !== chosenAccount) continue;
      const stored = await storeBatches(db, { userId: row.userId, timeZone }, [{ rawRecordId: null, batch }]);
      items += stored.samples + stored.sleepSessions + stored.workouts + stored.dailyTotals;
      for (const d of stored.dates) dates.add(d);
      if (Date.now() - lastProgress > PROGRESS_EVERY_MS) {
        lastProgress = Date.now();
        await saveProgress();
      }
    }
    await rollupDays(db, row.userId, dates);
    const done = await saveProgress({ status: "succeeded", finishedAt: new Date(), accountId: chosenAccount, bytesProcessed: row.sizeBytes });
    await db.delete(fileImportChunks).where(eq(fileImportChunks.importId, importId));
    return done;
  } catch (error) {
    await saveProgress({ status: "failed", finishedAt: new Date(), error: error instanceof Error ? error.message : String(error) });
    throw error;
  }
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
