import { createHash } from "node:crypto";
import { and, asc, desc, eq, gt, lt, or } from "drizzle-orm";
import type { Database } from "@/db";
import { fileImportChunks, fileImports } from "@/db/schema";
import { emit } from "../jobs/emit";
import { AppError } from "../errors";
import { decodeCursor, toPage, type Paginated } from "../pagination";
import { detectImportKind, listFitbitAccounts, MAX_IMPORT_BYTES, parseImport, UNSUPPORTED_FILE_MESSAGE, type ImportKind } from "./imports";
import { rollupDays } from "./rollup";
import { storeBatches } from "./store";
import { userTimeZone } from "../profile/service";

export type FileImport = typeof fileImports.$inferSelect;

const CHUNK_BYTES = 1024 * 1024;
export { MAX_IMPORT_BYTES };
/** How often a running import writes its progress (the upload page polls it). */
const PROGRESS_EVERY_MS = 1000;

export interface UploadInput {
  userId: string;
  filename: string;
  accountId?: string | null;
  body: AsyncIterable<Uint8Array>;
  maxBytes?: number;
}

/**
 * Stores an upload in 1 MiB pieces while hashing it, then queues its import. The same file
 * uploaded again (same SHA-256, already imported) is not imported twice: the earlier import is returned.
 */
export async function receiveUpload(db: Database, input: UploadInput): Promise<{ import: FileImport; duplicate: boolean }> {
  const filename = input.filename.trim().slice(0, 255);
  if (!filename) throw AppError.field("filename", "Name the file being uploaded.");
  const [created] = await db.insert(fileImports).values({ userId: input.userId, filename, kind: "unknown", accountId: input.accountId ?? null }).returning();
  const row = created!;
  const hash = createHash("sha256");
  const maxBytes = input.maxBytes ?? MAX_IMPORT_BYTES;
  let size = 0;
  let seq = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let kind: ImportKind | "unknown" | null = null;
  let accountId = input.accountId ?? null;
  const flush = async () => {
    if (pendingBytes === 0) return;
    const data = Buffer.concat(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    if (kind === null) {
      kind = detectImportKind(filename, data.subarray(0, 4096));
      if (kind === "unknown") {
        throw AppError.field("file", UNSUPPORTED_FILE_MESSAGE);
      }
      if (kind === "fitbit_daily_csv") accountId ??= await firstFitbitAccount(data);
    }
    await db.insert(fileImportChunks).values({ importId: row.id, seq: seq++, data });
  };
  try {
    for await (const piece of input.body) {
      size += piece.byteLength;
      if (size > maxBytes) throw new AppError("PAYLOAD_TOO_LARGE", `Files up to ${Math.round(maxBytes / 1024 ** 2)} MB can be imported.`);
      hash.update(piece);
      pending.push(Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength));
      pendingBytes += piece.byteLength;
      if (pendingBytes >= CHUNK_BYTES) await flush();
    }
    await flush();
    if (size === 0) throw AppError.field("file", "The file is empty.");
  } catch (error) {
    await db.delete(fileImports).where(eq(fileImports.id, row.id));
    throw error;
  }

  const contentHash = hash.digest("hex");
  const [previous] = await db
    .select()
    .from(fileImports)
    .where(and(eq(fileImports.userId, input.userId), eq(fileImports.contentHash, contentHash), eq(fileImports.status, "succeeded")))
    .limit(1);
  if (previous && previous.accountId === accountId) {
    await db.delete(fileImports).where(eq(fileImports.id, row.id));
    return { import: previous, duplicate: true };
  }
  const [queued] = await db
    .update(fileImports)
    .set({ kind: kind ?? "unknown", sizeBytes: size, contentHash, accountId, status: "queued" })
    .where(eq(fileImports.id, row.id))
    .returning();
  await emit(db, "imports/file.uploaded", { importId: row.id, userId: input.userId }, { id: `import-${row.id}` });
  return { import: queued!, duplicate: false };
}

/**
 * A Fitbit file holds several people and one upload imports one of them: without a choice, the
 * first person in the file. Resolving that here makes a repeated upload of the same file, with or
 * without naming that person, a recognisable duplicate.
 */
async function firstFitbitAccount(firstPiece: Buffer): Promise<string | null> {
  const accounts = await listFitbitAccounts((async function* () {
    yield firstPiece;
  })());
  return accounts[0]?.accountId ?? null;
}

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
