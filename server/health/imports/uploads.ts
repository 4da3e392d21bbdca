import { createHash } from "node:crypto";
import { and, eq, inArray, ne, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { fileImportChunks, fileImports, LIVE_IMPORT_STATUSES } from "@/db/schema";
import { formatBytes } from "@/components/imports/import-format";
import { enforceRateLimits } from "../../platform/rate-limits/enforce";
import { requestLimits } from "../../platform/rate-limits/rules";
import { env } from "../../env";
import { AppError } from "../../errors";
import { emit } from "../../platform/jobs/emit";
import { isUniqueViolation } from "../../platform/jobs/store";
import type { FileImport } from "./file-imports";
import { detectImportKind, listFitbitAccounts, MAX_IMPORT_BYTES, UNSUPPORTED_FILE_MESSAGE, type ImportKind } from "./parsers";

const CHUNK_BYTES = 1024 * 1024;

/** Imports that count as done or under way: the same file again is answered with one of them. */

export interface UploadLimits {
  /** Largest file accepted. */
  maxBytes: number;
  /** Bytes one user's stored pieces may take, the new file included. */
  quotaBytes: number;
  /** Uploads one user may start per window. */
  perWindow: number;
  windowSeconds: number;
}

export function uploadLimits(): UploadLimits {
  const e = env();
  return { maxBytes: MAX_IMPORT_BYTES, quotaBytes: e.UPLOAD_QUOTA_BYTES, perWindow: e.UPLOAD_RATE_LIMIT, windowSeconds: e.UPLOAD_RATE_WINDOW_SECONDS };
}

function withDefaults(given: Partial<UploadLimits> = {}): UploadLimits {
  const defaults = uploadLimits();
  return {
    maxBytes: given.maxBytes ?? defaults.maxBytes,
    quotaBytes: given.quotaBytes ?? defaults.quotaBytes,
    perWindow: given.perWindow ?? defaults.perWindow,
    windowSeconds: given.windowSeconds ?? defaults.windowSeconds,
  };
}

export interface UploadInput {
  userId: string;
  /** The uploader's address: uploads are limited per user and per IP (none for scripts and tests). */
  ip?: string | null;
  filename: string;
  accountId?: string | null;
  body: AsyncIterable<Uint8Array>;
  /** The request's Content-Length, when it sent one: a file too large is refused before reading it. */
  declaredBytes?: number | null;
  limits?: Partial<UploadLimits>;
}

/**
 * Bytes of upload pieces the user's settled imports hold (waiting, running or failed imports keep
 * theirs). Uploads still arriving are left out: parallel copies of one file must not crowd each other out.
 */
export async function settledUploadBytes(db: Database, userId: string): Promise<number> {
  const [row] = await db
    .select({ bytes: sql<string>`coalesce(sum(octet_length(${fileImportChunks.data})), 0)` })
    .from(fileImportChunks)
    .innerJoin(fileImports, eq(fileImports.id, fileImportChunks.importId))
    .where(and(eq(fileImports.userId, userId), ne(fileImports.status, "uploading")));
  return Number(row?.bytes ?? 0);
}

function tooLarge(maxBytes: number): AppError {
  const message = `Files up to ${formatBytes(maxBytes)} can be imported.`;
  return new AppError("PAYLOAD_TOO_LARGE", message, { fields: [{ path: "file", message }] });
}

function overQuota(heldBytes: number, quotaBytes: number): AppError {
  const message =
    `Your earlier uploads (imports waiting, running or failed keep their file) already hold ${formatBytes(heldBytes)} ` +
    `of the ${formatBytes(quotaBytes)} allowed per account, and this file does not fit in the rest.`;
  return new AppError("PAYLOAD_TOO_LARGE", message, { fields: [{ path: "file", message }] });
}

/**
 * Stores an upload in 1 MiB pieces while hashing it, then queues its import. The same file (same
 * SHA-256 and person) already imported, queued or running, even by a parallel upload, is not
 * imported twice: that import is returned as a duplicate. Refused uploads leave nothing stored.
 */
export async function receiveUpload(db: Database, input: UploadInput): Promise<{ import: FileImport; duplicate: boolean }> {
  const limits = withDefaults(input.limits);
  const filename = input.filename.trim().slice(0, 255);
  if (!filename) throw AppError.field("filename", "Name the file being uploaded.");
  await enforceRateLimits(db, requestLimits.upload(input.userId, input.ip, { points: limits.perWindow, windowSeconds: limits.windowSeconds }));
  const held = await settledUploadBytes(db, input.userId);
  const room = limits.quotaBytes - held;
  const declared = input.declaredBytes ?? 0;
  if (declared > limits.maxBytes) throw tooLarge(limits.maxBytes);
  if (declared > room) throw overQuota(held, limits.quotaBytes);

  const [created] = await db.insert(fileImports).values({ userId: input.userId, filename, kind: "unknown", accountId: input.accountId ?? null }).returning();
  const row = created!;
  const hash = createHash("sha256");
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
    // As base64 text: PGlite's own bytea parameter encoding is about ten times slower.
    await db.insert(fileImportChunks).values({ importId: row.id, seq: seq++, data: sql`decode(${data.toString("base64")}, 'base64')` });
  };
  const discard = () => db.delete(fileImports).where(eq(fileImports.id, row.id));
  try {
    for await (const piece of input.body) {
      size += piece.byteLength;
      if (size > limits.maxBytes) throw tooLarge(limits.maxBytes);
      if (size > room) throw overQuota(held, limits.quotaBytes);
      hash.update(piece);
      pending.push(Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength));
      pendingBytes += piece.byteLength;
      if (pendingBytes >= CHUNK_BYTES) await flush();
    }
    await flush();
    if (size === 0) throw AppError.field("file", "The file is empty.");
  } catch (error) {
    await discard();
    throw error;
  }

  const contentHash = hash.digest("hex");
  let outcome: { queued: FileImport } | { earlier: FileImport };
  try {
    outcome = await db.transaction(async (tx) => {
      // One user's uploads settle one at a time, so the duplicate and quota checks see each other.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`upload:${input.userId}`}))`);
      const earlier = await liveImportOf(tx, input.userId, contentHash, accountId);
      if (earlier) return { earlier };
      // Uploads running side by side each saw room for themselves: the settled ones and this one must fit.
      const settled = await settledUploadBytes(tx, input.userId);
      if (settled + size > limits.quotaBytes) throw overQuota(settled, limits.quotaBytes);
      const [queued] = await tx
        .update(fileImports)
        .set({ kind: kind ?? "unknown", sizeBytes: size, contentHash, accountId, status: "queued" })
        .where(eq(fileImports.id, row.id))
        .returning();
      return { queued: queued! };
    });
  } catch (error) {
    // The database's word (file_imports_live_content_uq): another upload of the file is live.
    const winner = isUniqueViolation(error) ? await liveImportOf(db, input.userId, contentHash, accountId) : null;
    await discard();
    if (!winner) throw error;
    outcome = { earlier: winner };
  }
  if ("earlier" in outcome) {
    await discard();
    return { import: outcome.earlier, duplicate: true };
  }
  await emit(db, "imports/file.uploaded", { importId: row.id, userId: input.userId }, { id: `import-${row.id}` });
  return { import: outcome.queued, duplicate: false };
}

async function liveImportOf(db: Database, userId: string, contentHash: string, accountId: string | null): Promise<FileImport | null> {
  const [row] = await db
    .select()
    .from(fileImports)
    .where(
      and(
        eq(fileImports.userId, userId),
        eq(fileImports.contentHash, contentHash),
        sql`coalesce(${fileImports.accountId}, '') = ${accountId ?? ""}`,
        inArray(fileImports.status, LIVE_IMPORT_STATUSES),
      ),
    )
    .limit(1);
  return row ?? null;
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
