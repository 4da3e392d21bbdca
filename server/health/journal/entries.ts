import { and, asc, desc, eq, gte, inArray, lte, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { journalEntries, journalEntryTags, journalTags, type JournalEntry } from "@/db/schema/journal";
import { AppError } from "../../errors";
import { decodeCursor, toPage, type Paginated } from "../../pagination";
import { recordAudit } from "../../platform/audit/audit";
import { requestInsightsRecompute } from "../analytics/recompute-request";
import { openNotes, sealNotes } from "./notes";
import type { EntrySummary, EntryView, ListEntriesInput, MonthView, SaveEntryInput, TagView } from "./schemas";
import { ensureTags } from "./tags";

type EntryRow = Pick<JournalEntry, "id" | "localDate" | "mood" | "energy" | "notesEnc" | "createdAt" | "updatedAt">;

const entryColumns = {
  id: journalEntries.id,
  localDate: journalEntries.localDate,
  mood: journalEntries.mood,
  energy: journalEntries.energy,
  notesEnc: journalEntries.notesEnc,
  createdAt: journalEntries.createdAt,
  updatedAt: journalEntries.updatedAt,
};

/** Who is reading or writing: reads and writes of notes are audited with the caller's address. */
export interface Reader {
  userId: string;
  ip?: string | null;
}

/** The tag answers of these entries, "yes" and "no" apart, by entry id, tags by name. */
async function answersOf(db: Database, entryIds: readonly string[]): Promise<Map<string, { yes: TagView[]; no: TagView[] }>> {
  const out = new Map<string, { yes: TagView[]; no: TagView[] }>();
  if (entryIds.length === 0) return out;
  const rows = await db
    .select({ entryId: journalEntryTags.entryId, present: journalEntryTags.present, id: journalTags.id, name: journalTags.name })
    .from(journalEntryTags)
    .innerJoin(journalTags, eq(journalTags.id, journalEntryTags.tagId))
    .where(inArray(journalEntryTags.entryId, [...entryIds]))
    .orderBy(asc(journalTags.normalizedName));
  for (const { entryId, present, ...tag } of rows) {
    const answers = out.get(entryId) ?? out.set(entryId, { yes: [], no: [] }).get(entryId)!;
    (present ? answers.yes : answers.no).push(tag);
  }
  return out;
}

function toView(row: EntryRow, answers: { yes: TagView[]; no: TagView[] } | undefined): EntryView {
  return {
    id: row.id,
    date: row.localDate,
    mood: row.mood,
    energy: row.energy,
    tags: answers?.yes ?? [],
    answeredNo: answers?.no ?? [],
    notes: openNotes(row.notesEnc),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/**
 * Saves the user's entry of a date: the first save creates it, a later one replaces its mood,
 * energy, notes and "yes" tags (explicit "no" answers of other tags, from an import, stay).
 * Writing notes is recorded in the audit trail, in the same transaction.
 */
export async function saveEntry(db: Database, writer: Reader, input: SaveEntryInput): Promise<EntryView> {
  const userId = writer.userId;
  const saved = await db.transaction(async (tx) => {
    const values = { mood: input.mood, energy: input.energy, notesEnc: sealNotes(input.notes) };
    const [row] = await tx
      .insert(journalEntries)
      .values({ userId, localDate: input.date, ...values })
      .onConflictDoUpdate({ target: [journalEntries.userId, journalEntries.localDate], set: { ...values, updatedAt: sql`now()` } })
      .returning(entryColumns);
    const entry = row!;
    const tags = [...(await ensureTags(tx, userId, input.tags)).values()];
    const tagIds = tags.map((t) => t.id);
    await tx
      .delete(journalEntryTags)
      .where(
        and(
          eq(journalEntryTags.entryId, entry.id),
          eq(journalEntryTags.present, true),
          tagIds.length ? sql`not (${journalEntryTags.tagId} = any(${sql.param(tagIds)}::uuid[]))` : undefined,
        ),
      );
    if (tagIds.length) {
      await tx
        .insert(journalEntryTags)
        .values(tagIds.map((tagId) => ({ entryId: entry.id, tagId, present: true })))
        .onConflictDoUpdate({ target: [journalEntryTags.entryId, journalEntryTags.tagId], set: { present: true } });
    }
    if (input.notes) {
      await recordAudit(tx, {
        action: "journal.notes-written",
        actorUserId: userId,
        subjectUserId: userId,
        target: { type: "journal_entry", id: entry.id },
        ip: writer.ip ?? null,
        details: { date: input.date },
      });
    }
    return entry;
  });
  await requestInsightsRecompute(db, userId, "journal");
  const answers = await answersOf(db, [saved.id]);
  // The caller just sent these notes: handing them back is no read of stored notes.
  return { ...toView({ ...saved, notesEnc: null }, answers.get(saved.id)), notes: input.notes || null };
}

/** The reader's entry of a date, or null. Returning its notes is recorded in the audit trail. */
export async function readEntry(db: Database, reader: Reader, date: string): Promise<EntryView | null> {
  const [row] = await db
    .select(entryColumns)
    .from(journalEntries)
    .where(and(eq(journalEntries.userId, reader.userId), eq(journalEntries.localDate, date)));
  if (!row) return null;
  const view = toView(row, (await answersOf(db, [row.id])).get(row.id));
  if (view.notes !== null) {
    await recordAudit(db, {
      action: "journal.notes-read",
      actorUserId: reader.userId,
      subjectUserId: reader.userId,
      target: { type: "journal_entry", id: row.id },
      ip: reader.ip ?? null,
      details: { date },
    });
  }
  return view;
}

const dayStart = (date: string) => new Date(`${date}T00:00:00Z`);

/** The user's entries from `from` to `to` (inclusive), newest first, without their notes. */
export async function listEntries(db: Database, userId: string, input: ListEntriesInput): Promise<Paginated<EntrySummary>> {
  if (input.from > input.to) throw AppError.field("to", "The end date must be on or after the start date.");
  const after = decodeCursor(input.cursor);
  const rows = await db
    .select(entryColumns)
    .from(journalEntries)
    .where(
      and(
        eq(journalEntries.userId, userId),
        gte(journalEntries.localDate, input.from),
        lte(journalEntries.localDate, input.to),
        after ? sql`(${journalEntries.localDate}, ${journalEntries.id}) < (${after.at.toISOString().slice(0, 10)}::date, ${after.id}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(journalEntries.localDate), desc(journalEntries.id))
    .limit(input.limit + 1);
  const page = toPage(rows, input.limit, (row) => dayStart(row.localDate));
  const answers = await answersOf(db, page.items.map((r) => r.id));
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((row) => ({
      id: row.id,
      date: row.localDate,
      mood: row.mood,
      energy: row.energy,
      tags: answers.get(row.id)?.yes ?? [],
      hasNotes: row.notesEnc !== null,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    })),
  };
}

const pad = (n: number) => String(n).padStart(2, "0");

/** Which days of a month have an entry, with their ratings (the calendar). */
export async function monthOf(db: Database, userId: string, at: { year: number; month: number }): Promise<MonthView> {
  const first = `${at.year}-${pad(at.month)}-01`;
  const last = new Date(Date.UTC(at.year, at.month, 0)).toISOString().slice(0, 10);
  const days = await db
    .select({
      date: journalEntries.localDate,
      mood: journalEntries.mood,
      energy: journalEntries.energy,
      tagCount: sql<number>`(select count(*)::int from ${journalEntryTags} where ${journalEntryTags.entryId} = ${journalEntries.id} and ${journalEntryTags.present})`,
      hasNotes: sql<boolean>`${journalEntries.notesEnc} is not null`,
    })
    .from(journalEntries)
    .where(and(eq(journalEntries.userId, userId), gte(journalEntries.localDate, first), lte(journalEntries.localDate, last)))
    .orderBy(asc(journalEntries.localDate));
  return { year: at.year, month: at.month, days };
}

/** Deletes one of the user's entries; another user's id is NOT_FOUND, like a made-up one. */
export async function deleteEntry(db: Database, userId: string, id: string): Promise<{ id: string; date: string }> {
  const [row] = await db
    .delete(journalEntries)
    .where(and(eq(journalEntries.id, id), eq(journalEntries.userId, userId)))
    .returning({ id: journalEntries.id, date: journalEntries.localDate });
  if (!row) throw AppError.notFound("Journal entry");
  await requestInsightsRecompute(db, userId, "journal");
  return row;
}
