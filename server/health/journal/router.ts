import { z } from "zod";
import { clampRange } from "../../account/plans/history";
import { historyProcedure } from "../../account/plans/procedure";
import { protectedProcedure, router } from "../../trpc";
import { deleteEntry, listEntries, monthOf, readEntry, saveEntry } from "./entries";
import {
  createTagInput,
  dateInput,
  entryPage,
  entryView,
  idInput,
  listEntriesInput,
  monthInput,
  monthView,
  renameTagInput,
  saveEntryInput,
  tagList,
  tagView,
} from "./schemas";
import { createTag, deleteTag, listTags, renameTag } from "./tags";

const tagsRouter = router({
  list: protectedProcedure.output(tagList).query(({ ctx }) => listTags(ctx.db, ctx.user.id)),
  create: protectedProcedure
    .input(createTagInput)
    .output(tagView)
    .mutation(({ ctx, input }) => createTag(ctx.db, ctx.user.id, input.name)),
  rename: protectedProcedure
    .input(renameTagInput)
    .output(tagView)
    .mutation(({ ctx, input }) => renameTag(ctx.db, ctx.user.id, input.id, input.name)),
  delete: protectedProcedure
    .input(idInput)
    .output(z.object({ id: z.uuid(), entriesRemoved: z.number() }))
    .mutation(({ ctx, input }) => deleteTag(ctx.db, ctx.user.id, input.id)),
});

/** The journal: one entry per local date (mood, energy, tags, encrypted notes), and the user's tags. */
export const journalRouter = router({
  get: protectedProcedure
    .input(dateInput)
    .output(entryView.nullable())
    .query(({ ctx, input }) => readEntry(ctx.db, { userId: ctx.user.id, ip: ctx.ip }, input.date)),
  save: protectedProcedure
    .input(saveEntryInput)
    .output(entryView)
    .mutation(({ ctx, input }) => saveEntry(ctx.db, { userId: ctx.user.id, ip: ctx.ip }, input)),
  list: historyProcedure
    .input(listEntriesInput)
    .output(entryPage)
    .query(async ({ ctx, input }) => {
      if (input.from > input.to) return listEntries(ctx.db, ctx.user.id, input);
      const allowed = clampRange(input, ctx.history.start);
      return allowed ? listEntries(ctx.db, ctx.user.id, allowed) : { items: [], nextCursor: null };
    }),
  month: protectedProcedure
    .input(monthInput)
    .output(monthView)
    .query(({ ctx, input }) => monthOf(ctx.db, ctx.user.id, input)),
  delete: protectedProcedure
    .input(idInput)
    .output(z.object({ id: z.uuid(), date: z.string() }))
    .mutation(({ ctx, input }) => deleteEntry(ctx.db, ctx.user.id, input.id)),
  tags: tagsRouter,
});
