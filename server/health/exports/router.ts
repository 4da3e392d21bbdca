import { meteredProcedure } from "@/server/account/plans/procedure";
import { z } from "zod";
import type { DataExport } from "@/db/schema/exports";
import { paginated, paginationInput } from "../../pagination";
import { protectedProcedure, router } from "../../trpc";
import { availableExportKinds, exportDownloadUrl, getExport, listExports, requestExport } from "./exports";
import { EXPORT_KIND_LABELS } from "./kind-labels";
import { exportView, type ExportView } from "./schemas";
import { EXPORT_WRITERS, type AnyExportWriter } from "./writers";

const view = (row: DataExport): ExportView => ({
  id: row.id,
  kind: row.kind,
  status: row.status,
  params: row.params,
  progressDone: row.progressDone,
  progressTotal: row.progressTotal,
  filename: row.filename,
  bytes: row.bytes,
  error: row.error,
  createdAt: row.createdAt,
  finishedAt: row.finishedAt,
  expiresAt: row.expiresAt,
});

// One input shape per kind with a writer: a bad option comes back as a 400 naming `params.<field>`.
const requestInput = (() => {
  const [first, ...rest] = (Object.values(EXPORT_WRITERS) as AnyExportWriter[]).map((w) => z.object({ kind: z.literal(w.kind), params: w.params }));
  return z.discriminatedUnion("kind", [first!, ...rest]);
})();

const idInput = z.object({ id: z.uuid() });

/** The signed-in user's data exports ("Your data"). */
export const exportsRouter = router({
  kinds: protectedProcedure
    .output(z.array(z.object({ kind: z.string(), label: z.string(), detail: z.string() })))
    .query(() => availableExportKinds().map((kind) => ({ kind, ...EXPORT_KIND_LABELS[kind] }))),
  list: protectedProcedure
    .input(paginationInput)
    .output(paginated(exportView))
    .query(async ({ ctx, input }) => {
      const page = await listExports(ctx.db, ctx.user.id, input);
      return { items: page.items.map(view), nextCursor: page.nextCursor };
    }),
  get: protectedProcedure
    .input(idInput)
    .output(exportView)
    .query(async ({ ctx, input }) => view(await getExport(ctx.db, ctx.user.id, input.id))),
  request: meteredProcedure("exports")
    .input(requestInput)
    .output(exportView)
    .mutation(async ({ ctx, input }) => view(await requestExport(ctx.db, ctx.user.id, input.kind, input.params))),
  downloadUrl: protectedProcedure
    .input(idInput)
    .output(z.object({ url: z.string(), expiresAt: z.date() }))
    .mutation(({ ctx, input }) => exportDownloadUrl(ctx.db, ctx.user.id, input.id)),
});
