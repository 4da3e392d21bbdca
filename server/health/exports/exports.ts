import { and, count, eq, inArray } from "drizzle-orm";
import type { Database } from "@/db";
import { dataExports, type DataExport, type ExportKind } from "@/db/schema/exports";
import { AppError, fieldIssuesFromZod } from "../../errors";
import { afterCursor, newestFirst } from "../../keyset";
import { toPage, type Paginated, type PaginationInput } from "../../pagination";
import { emit } from "../../platform/jobs/emit";
import { enforceRateLimits } from "../../platform/rate-limits/enforce";
import { requestLimits } from "../../platform/rate-limits/rules";
import { signedFileUrl } from "../../platform/storage/signed-url";
import { EXPORT_WRITERS } from "./writers";

/** Exports of one user that may be queued or running at once. */
export const MAX_ACTIVE_EXPORTS = 2;
/** How long a download link works once handed out. */
export const DOWNLOAD_LINK_SECONDS = 10 * 60;

/** The kinds that can be requested: those with a writer. */
export function availableExportKinds(): ExportKind[] {
  return Object.keys(EXPORT_WRITERS) as ExportKind[];
}

/**
 * Queues an export: the kind's options are checked by its writer, at most MAX_ACTIVE_EXPORTS
 * may be in progress, and requests are rate-limited per user (export-user).
 */
export async function requestExport(db: Database, userId: string, kind: ExportKind, params: unknown): Promise<DataExport> {
  const writer = EXPORT_WRITERS[kind];
  const parsed = writer.params.safeParse(params);
  if (!parsed.success) {
    const fields = fieldIssuesFromZod(parsed.error).map((f) => ({ ...f, path: `params.${f.path}` }));
    throw AppError.badRequest(fields[0]?.message ?? "Check the export's options.", fields);
  }
  const [active] = await db
    .select({ n: count() })
    .from(dataExports)
    .where(and(eq(dataExports.userId, userId), inArray(dataExports.status, ["queued", "running"])));
  if ((active?.n ?? 0) >= MAX_ACTIVE_EXPORTS) {
    throw AppError.conflict(`You have ${MAX_ACTIVE_EXPORTS} exports in progress. Wait for one to finish, then ask again.`);
  }
  await enforceRateLimits(db, requestLimits.exportRequest(userId));
  const [row] = await db
    .insert(dataExports)
    .values({ userId, kind, params: parsed.data as Record<string, unknown> })
    .returning();
  await emit(db, "exports/requested", { exportId: row!.id, userId }, { id: `export-${row!.id}` });
  return row!;
}

export async function listExports(db: Database, userId: string, input: PaginationInput): Promise<Paginated<DataExport>> {
  const rows = await db
    .select()
    .from(dataExports)
    .where(and(eq(dataExports.userId, userId), afterCursor(dataExports.createdAt, dataExports.id, input.cursor)))
    .orderBy(...newestFirst(dataExports.createdAt, dataExports.id))
    .limit(input.limit + 1);
  return toPage(rows, input.limit, (row) => row.createdAt);
}

/** One export of the user; another user's is not found. */
export async function getExport(db: Database, userId: string, id: string): Promise<DataExport> {
  const [row] = await db
    .select()
    .from(dataExports)
    .where(and(eq(dataExports.id, id), eq(dataExports.userId, userId)));
  if (!row) throw AppError.notFound("Export");
  return row;
}

/** A short-lived signed link to the export's file, for its owner only. */
export async function exportDownloadUrl(db: Database, userId: string, id: string, now: Date = new Date()): Promise<{ url: string; expiresAt: Date }> {
  const row = await getExport(db, userId, id);
  if (row.status === "expired" || (row.expiresAt && row.expiresAt <= now)) throw AppError.conflict("This export has expired. Ask for a new one.");
  if (row.status !== "succeeded" || !row.storageKey || !row.filename) throw AppError.conflict("This export is not ready yet.");
  const expiresAt = new Date(Math.min(now.getTime() + DOWNLOAD_LINK_SECONDS * 1000, row.expiresAt?.getTime() ?? Infinity));
  return { url: signedFileUrl({ key: row.storageKey, filename: row.filename, expiresAt, exportId: row.id }), expiresAt };
}
