import { and, asc, eq, inArray } from "drizzle-orm";
import type { Database } from "@/db";
import { journalEntries, journalEntryTags, journalTags } from "@/db/schema/journal";
import { locatorKey } from "../../sync/protocol";
import { serverMutator, type RowState } from "../../sync/mutators";
import { deleteEntriesOfDates, saveEntries } from "./entries";
import { openNotes } from "./notes";
import { deleteJournalEntryMutation, saveJournalEntryMutation } from "./sync-mutations";

/** The user's entries of these dates in the mutations' fields: ratings, notes, the tag names answered "yes". */
async function entriesAt(db: Database, userId: string, locators: readonly Record<string, unknown>[]): Promise<Map<string, RowState>> {
  const dates = locators.map((l) => String(l.local_date));
  const out = new Map<string, RowState>();
  if (dates.length === 0) return out;
  const rows = await db
    .select({ id: journalEntries.id, date: journalEntries.localDate, mood: journalEntries.mood, energy: journalEntries.energy, notesEnc: journalEntries.notesEnc, updatedAt: journalEntries.updatedAt })
    .from(journalEntries)
    .where(and(eq(journalEntries.userId, userId), inArray(journalEntries.localDate, dates)));
  const tags = rows.length
    ? await db
        .select({ entryId: journalEntryTags.entryId, name: journalTags.name })
        .from(journalEntryTags)
        .innerJoin(journalTags, eq(journalTags.id, journalEntryTags.tagId))
        .where(and(inArray(journalEntryTags.entryId, rows.map((r) => r.id)), eq(journalEntryTags.present, true)))
        .orderBy(asc(journalTags.normalizedName))
    : [];
  const namesOf = new Map<string, string[]>();
  for (const tag of tags) namesOf.set(tag.entryId, [...(namesOf.get(tag.entryId) ?? []), tag.name]);
  for (const row of rows) {
    const names = namesOf.get(row.id) ?? [];
    out.set(locatorKey({ local_date: row.date }), { fields: { mood: row.mood, energy: row.energy, notes: openNotes(row.notesEnc) ?? "", tags: names }, updatedAt: row.updatedAt });
  }
  return out;
}

export const saveJournalEntry = serverMutator({
  def: saveJournalEntryMutation,
  current: entriesAt,
  apply: async (db, context, items) => void (await saveEntries(db, context, items.map((item) => item.args))),
});

export const deleteJournalEntry = serverMutator({
  def: deleteJournalEntryMutation,
  current: entriesAt,
  apply: async (db, context, items) => void (await deleteEntriesOfDates(db, context.userId, items.map((item) => item.args.date))),
});
