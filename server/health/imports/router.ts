import { z } from "zod";
import { IMPORT_STATUSES } from "@/db/schema/imports";
import { paginated, paginationInput } from "../../pagination";
import { protectedProcedure, router } from "../../trpc";
import { getImport, listImports, type FileImport } from "./file-imports";
import { isImportKind } from "./parsers";
import { RECORD_IMPORTERS } from "./record-importers";

const importView = z.object({
  id: z.string(),
  kind: z.string(),
  filename: z.string(),
  sizeBytes: z.number(),
  status: z.enum(IMPORT_STATUSES),
  accountId: z.string().nullable(),
  bytesProcessed: z.number(),
  itemsImported: z.number(),
  skipped: z.number(),
  errorCount: z.number(),
  errors: z.array(z.object({ line: z.number().optional(), recordType: z.string(), message: z.string() })),
  error: z.string().nullable(),
  createdAt: z.date(),
  finishedAt: z.date().nullable(),
  /** Where the app shows what a record import stored (the journal), else null. */
  resultHref: z.string().nullable(),
});

/** One import as the upload page sees it. */
export type ImportView = z.infer<typeof importView>;

const view = (row: FileImport): ImportView => ({
  id: row.id,
  kind: row.kind,
  filename: row.filename,
  sizeBytes: row.sizeBytes,
  status: row.status,
  accountId: row.accountId,
  bytesProcessed: row.bytesProcessed,
  itemsImported: row.itemsImported,
  skipped: row.skipped,
  errorCount: row.errorCount,
  errors: row.errors,
  error: row.error,
  createdAt: row.createdAt,
  finishedAt: row.finishedAt,
  resultHref: (isImportKind(row.kind) ? RECORD_IMPORTERS[row.kind]?.resultHref : null) ?? null,
});

/** The user's file imports (uploads go through POST /api/imports). */
export const importsRouter = router({
  list: protectedProcedure
    .input(paginationInput)
    .output(paginated(importView))
    .query(async ({ ctx, input }) => {
      const page = await listImports(ctx.db, ctx.user.id, input);
      return { items: page.items.map(view), nextCursor: page.nextCursor };
    }),
  get: protectedProcedure
    .input(z.object({ id: z.uuid() }))
    .output(importView)
    .query(async ({ ctx, input }) => view(await getImport(ctx.db, ctx.user.id, input.id))),
});
