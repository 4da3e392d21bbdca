import path from "node:path";
import { and, asc, eq, isNotNull, lte } from "drizzle-orm";
import type { Database } from "@/db";
import { dataExports, type DataExport } from "@/db/schema/exports";
import { userTimeZone } from "../../account/profile/service";
import { AppError, fieldIssuesFromZod } from "../../errors";
import { logger } from "../../logger";
import { fileStorage, userFileKey } from "../../platform/storage";
import { EXPORT_WRITERS } from "./writers";

/** How long an export's file is kept. */
export const EXPORT_KEEP_DAYS = 7;
/** How often a running export writes its progress (the page polls it). */
const PROGRESS_EVERY_MS = 1000;
const WRITE_FAILED = "The export could not be written. Try again in a few minutes; if it keeps failing, tell us.";

/** A failure that another attempt cannot fix (no writer for the kind, options no longer valid). */
export class ExportInputError extends AppError {}

export interface RunExportOptions {
  /** False while the job will try again after a failure: the row shows as queued with the error. */
  finalAttempt?: boolean;
  now?: () => Date;
}

/**
 * Writes one export: its writer streams into file storage under the user's prefix while the row's
 * progress is kept (throttled); then the row holds the file's key, name, size and expiry. A failure
 * removes any partial file and records a message the user can read.
 */
export async function runExport(db: Database, exportId: string, opts: RunExportOptions = {}): Promise<DataExport> {
  const now = opts.now ?? (() => new Date());
  const [row] = await db.select().from(dataExports).where(eq(dataExports.id, exportId));
  if (!row) throw new ExportInputError("NOT_FOUND", "Export not found.");
  if (row.status !== "queued" && row.status !== "running") return row;
  const save = async (values: Partial<DataExport>) => {
    const [updated] = await db.update(dataExports).set(values).where(eq(dataExports.id, exportId)).returning();
    return updated!;
  };
  const storage = fileStorage();
  let key: string | null = null;
  try {
    const writer = EXPORT_WRITERS[row.kind];
    const parsed = writer.params.safeParse(row.params);
    if (!parsed.success) {
      throw new ExportInputError("BAD_REQUEST", `The export's options are not valid any more: ${fieldIssuesFromZod(parsed.error)[0]?.message ?? "check them."}`);
    }
    await save({ status: "running", startedAt: now(), error: null, progressDone: 0, progressTotal: null });
    const filename = writer.filename(parsed.data, now());
    key = userFileKey(row.userId, "exports", `${row.id}${path.extname(filename)}`);
    let last = 0;
    const latest = { done: 0, total: null as number | null };
    const { bytes } = await storage.put(
      key,
      writer.write(db, {
        userId: row.userId,
        params: parsed.data,
        timeZone: await userTimeZone(db, row.userId),
        progress: async (done, total) => {
          latest.done = done;
          latest.total = total;
          if (Date.now() - last < PROGRESS_EVERY_MS && done !== 0) return;
          last = Date.now();
          await save({ progressDone: done, progressTotal: total });
        },
      }),
      { contentType: writer.contentType },
    );
    const finishedAt = now();
    return await save({
      status: "succeeded",
      storageKey: key,
      filename,
      bytes,
      finishedAt,
      expiresAt: new Date(finishedAt.getTime() + EXPORT_KEEP_DAYS * 86_400_000),
      progressDone: latest.total ?? latest.done,
      progressTotal: latest.total ?? latest.done,
      error: null,
    });
  } catch (error) {
    if (key) await storage.delete(key).catch(() => undefined);
    const final = error instanceof ExportInputError || (opts.finalAttempt ?? true);
    if (!(error instanceof ExportInputError)) logger.error({ err: error, exportId }, "export failed");
    const message = error instanceof AppError ? error.message : WRITE_FAILED;
    await save({ status: final ? "failed" : "queued", finishedAt: final ? now() : null, error: message });
    throw error;
  }
}

/** Exports handled per step of the expiry job. */
export const EXPIRY_PAGE = 100;

/** One page of exports past their expiry: files removed, rows marked expired. Returns how many. */
export async function expireExports(db: Database, at: Date): Promise<number> {
  const due = await db
    .select({ id: dataExports.id, storageKey: dataExports.storageKey })
    .from(dataExports)
    .where(and(eq(dataExports.status, "succeeded"), isNotNull(dataExports.expiresAt), lte(dataExports.expiresAt, at)))
    .orderBy(asc(dataExports.expiresAt))
    .limit(EXPIRY_PAGE);
  const storage = fileStorage();
  for (const row of due) {
    if (row.storageKey) await storage.delete(row.storageKey);
    await db.update(dataExports).set({ status: "expired", storageKey: null }).where(eq(dataExports.id, row.id));
  }
  return due.length;
}
