import { z } from "zod";
import { jobRunStatus } from "@/db/schema";
import { paginated, paginationInput } from "../../pagination";
import { adminProcedure, router } from "../../trpc";
import { auditJobAction, cancelRun, countRunsByStatus, getRun, listRuns, retryRun } from "./admin";

const status = z.enum(jobRunStatus.enumValues);

const runSummary = z.object({
  id: z.string(),
  functionId: z.string(),
  eventName: z.string(),
  status,
  attempt: z.number(),
  maxAttempts: z.number(),
  runAfter: z.date(),
  lastError: z.string().nullable(),
  createdAt: z.date(),
  startedAt: z.date().nullable(),
  finishedAt: z.date().nullable(),
});

const runDetail = runSummary.extend({
  output: z.unknown(),
  concurrencyKey: z.string().nullable(),
  lockedBy: z.string().nullable(),
  lockedUntil: z.date().nullable(),
  updatedAt: z.date(),
  event: z.object({ id: z.string(), name: z.string(), data: z.record(z.string(), z.unknown()), idempotencyKey: z.string().nullable(), createdAt: z.date() }),
  steps: z.array(z.object({ stepId: z.string(), result: z.unknown(), createdAt: z.date() })),
});

const byId = z.object({ id: z.uuid() });

/** Admin view of the in-process job runner (mounted as `jobs`). */
export const jobsRouter = router({
  list: adminProcedure
    .input(paginationInput.extend({ status: status.optional() }))
    .output(paginated(runSummary))
    .query(({ ctx, input }) => listRuns(ctx.db, input)),
  get: adminProcedure
    .input(byId)
    .output(runDetail)
    .query(({ ctx, input }) => getRun(ctx.db, input.id)),
  retry: adminProcedure
    .input(byId)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await retryRun(ctx.db, input.id);
      await auditJobAction(ctx, "admin.job-retried", input.id);
      return { ok: true as const };
    }),
  cancel: adminProcedure
    .input(byId)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await cancelRun(ctx.db, input.id);
      await auditJobAction(ctx, "admin.job-cancelled", input.id);
      return { ok: true as const };
    }),
  counts: adminProcedure.output(z.record(status, z.number())).query(({ ctx }) => countRunsByStatus(ctx.db)),
});
