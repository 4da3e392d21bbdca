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
  list: protectedProcedure.meta({ openapi: { method: "GET", path: "/journal/tags", operationId: "listJournalTags", tags: ["journal"], summary: "The user's journal tags." } }).output(tagList).query(({ ctx }) => listTags(ctx.db, ctx.user.id)),
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
    .meta({ openapi: { method: "GET", path: "/journal/entries/{date}", operationId: "getJournalEntry", tags: ["journal"], summary: "The journal entry of one local date, or null." } })
    .input(dateInput)
    .output(entryView.nullable())
    .query(({ ctx, input }) => readEntry(ctx.db, { userId: ctx.user.id, ip: ctx.ip }, input.date)),
  save: protectedProcedure
    .meta({ openapi: { method: "POST", path: "/journal/entries", operationId: "saveJournalEntry", tags: ["journal"], summary: "Saves a date's entry, replacing what it held." } })
    .input(saveEntryInput)
    .output(entryView)
    .mutation(({ ctx, input }) => saveEntry(ctx.db, { userId: ctx.user.id, ip: ctx.ip }, input)),
  list: historyProcedure
    .meta({ openapi: { method: "GET", path: "/journal/entries", operationId: "listJournalEntries", tags: ["journal"], summary: "Journal entries between two dates, paged." } })
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
    .meta({ openapi: { method: "DELETE", path: "/journal/entries/{id}", operationId: "deleteJournalEntry", tags: ["journal"], summary: "Deletes one journal entry." } })
    .input(idInput)
    .output(z.object({ id: z.uuid(), date: z.string() }))
    .mutation(({ ctx, input }) => deleteEntry(ctx.db, ctx.user.id, input.id)),
  tags: tagsRouter,
});
