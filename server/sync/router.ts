import { z } from "zod";
import { paginated, paginationInput } from "../pagination";
import { protectedProcedure, router } from "../trpc";
import { dismissConflict, listConflicts, restoreConflict } from "./conflicts";
import { pull } from "./pull";
import { pokeLocally } from "./pokes";
import { push } from "./push";
import { pullInput, pullResult, pushInput, pushResult } from "./protocol";

const conflictView = z.object({
  id: z.uuid(),
  table: z.string(),
  mutation: z.string(),
  row: z.string(),
  field: z.string(),
  fieldName: z.string(),
  kind: z.enum(["field", "row"]),
  keptValue: z.unknown(),
  losingValue: z.unknown(),
  keptDevice: z.string().nullable(),
  losingDevice: z.string().nullable(),
  createdAt: z.date(),
});
const idInput = z.object({ id: z.uuid() });

/** Offline-first sync of the user's synced tables: push queued mutations, pull changes, settle conflicts. */
export const syncRouter = router({
  push: protectedProcedure
    .input(pushInput)
    .output(pushResult)
    .mutation(async ({ ctx, input }) => {
      const result = await push(ctx.db, { userId: ctx.user.id, ip: ctx.ip }, input);
      // The triggers' NOTIFY pokes the other devices; where the database has no LISTEN, this does.
      if (result.applied) pokeLocally(ctx.user.id);
      return result;
    }),
  // A mutation, not a query: it registers the device and must never be served from a cache.
  pull: protectedProcedure
    .input(pullInput)
    .output(pullResult)
    .mutation(({ ctx, input }) => pull(ctx.db, ctx.user.id, input)),
  conflicts: router({
    list: protectedProcedure
      .input(paginationInput)
      .output(paginated(conflictView))
      .query(({ ctx, input }) => listConflicts(ctx.db, ctx.user.id, input)),
    restore: protectedProcedure
      .input(idInput)
      .output(idInput)
      .mutation(async ({ ctx, input }) => {
        const restored = await restoreConflict(ctx.db, { userId: ctx.user.id, ip: ctx.ip }, input.id);
        pokeLocally(ctx.user.id);
        return restored;
      }),
    dismiss: protectedProcedure
      .input(idInput)
      .output(idInput)
      .mutation(({ ctx, input }) => dismissConflict(ctx.db, ctx.user.id, input.id)),
  }),
});
