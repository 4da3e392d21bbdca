import { meteredProcedure } from "@/server/account/plans/procedure";
import { z } from "zod";
import { paginated, paginationInput } from "../../pagination";
import { protectedProcedure, router } from "../../trpc";
import { setAutoSync, toView } from "./connections";
import { getSyncRun, listProviderCards, requestDemoConnection, requestManualSync, setProviderPriority } from "./devices";
import { getProviderPriority } from "../timeseries/priority";
import { currentRecompute } from "../timeseries/recompute";
import { connectionViewSchema, providerCardSchema, providerIdSchema, recomputeViewSchema, SYNC_RUN_KINDS, syncRunViewSchema, toRecomputeView, toSyncRunView } from "./views";
import { disconnectProvider } from "./oauth/flow";
import { listSyncRuns } from "./sync-runs";

const providerInput = z.object({ provider: providerIdSchema });

/** Connections, manual syncs, sync history and provider priority of the signed-in user. */
export const devicesRouter = router({
  providers: protectedProcedure.output(z.array(providerCardSchema)).query(({ ctx }) => listProviderCards(ctx.db, ctx.user.id)),

  connectDemo: protectedProcedure.output(connectionViewSchema).mutation(async ({ ctx }) => toView(await requestDemoConnection(ctx.db, ctx.user.id, { ip: ctx.ip }))),

  setAutoSync: protectedProcedure
    .input(providerInput.extend({ autoSync: z.boolean() }))
    .output(connectionViewSchema)
    .mutation(async ({ ctx, input }) => toView(await setAutoSync(ctx.db, ctx.user.id, input.provider, input.autoSync))),

  syncNow: meteredProcedure("manual-syncs")
    .input(providerInput)
    .output(z.object({ syncRunId: z.string() }))
    .mutation(({ ctx, input }) => requestManualSync(ctx.db, ctx.user.id, input.provider, { ip: ctx.ip })),

  disconnect: protectedProcedure
    .input(providerInput.extend({ deleteData: z.boolean().default(false) }))
    .output(z.object({ revoked: z.boolean(), deletedDays: z.number().int() }))
    .mutation(({ ctx, input }) => disconnectProvider(ctx.db, { userId: ctx.user.id, provider: input.provider, deleteData: input.deleteData, fetch })),

  history: protectedProcedure
    .input(paginationInput.extend({ provider: providerIdSchema.optional(), kind: z.enum(SYNC_RUN_KINDS).optional() }))
    .output(paginated(syncRunViewSchema))
    .query(async ({ ctx, input }) => {
      const page = await listSyncRuns(ctx.db, ctx.user.id, { provider: input.provider, kind: input.kind, cursor: input.cursor, limit: input.limit });
      return { items: page.items.map(toSyncRunView), nextCursor: page.nextCursor };
    }),

  /** One run, for following a "sync now" until it finishes. */
  run: protectedProcedure
    .input(z.object({ id: z.uuid() }))
    .output(syncRunViewSchema)
    .query(({ ctx, input }) => getSyncRun(ctx.db, ctx.user.id, input.id)),

  priority: router({
    get: protectedProcedure.output(z.array(providerIdSchema)).query(({ ctx }) => getProviderPriority(ctx.db, ctx.user.id)),
    set: protectedProcedure
      .input(z.object({ order: z.array(providerIdSchema).min(1).max(20) }))
      .output(z.array(providerIdSchema))
      .mutation(({ ctx, input }) => setProviderPriority(ctx.db, ctx.user.id, input.order, { ip: ctx.ip })),
    /** The re-computation of the daily summaries after a change, while it runs and shortly after. */
    recompute: protectedProcedure.output(recomputeViewSchema.nullable()).query(async ({ ctx }) => {
      const recompute = await currentRecompute(ctx.db, ctx.user.id);
      return recompute ? toRecomputeView(recompute) : null;
    }),
  }),
});
