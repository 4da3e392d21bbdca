import { and, asc, desc, eq, gte, inArray, lte, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { journalEntries, journalEntryTags, journalTags, type JournalEntry } from "@/db/schema/journal";
import { AppError } from "../../errors";
import { decodeCursor, toPage, type Paginated } from "../../pagination";
import { recordAudit, recordAudits } from "../../platform/audit/audit";
import { requestInsightsRecompute } from "../analytics/recompute-request";
import { openNotes, sealNotes } from "./notes";
import type { EntrySummary, EntryView, ListEntriesInput, MonthView, SaveEntryInput, TagView } from "./schemas";
import { normalizeTagName } from "./tag-names";
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
 * Saves the user's entries of these dates (the last input of a date wins): the first save creates
 * an entry, a later one replaces its mood, energy, notes and "yes" tags (explicit "no" answers of
 * other tags, from an import, stay). Writing notes is recorded in the audit trail, in the same
 * transaction. Set-based, so a device coming back online with a month of entries costs a few statements.
 */
export async function saveEntries(db: Database, writer: Reader, inputs: readonly SaveEntryInput[]): Promise<EntryRow[]> {
  const userId = writer.userId;
  const byDate = [...new Map(inputs.map((input) => [input.date, input])).values()];
  if (byDate.length === 0) return [];
  const saved = await db.transaction(async (tx) => {
    const rows = await tx
      .insert(journalEntries)
      .values(byDate.map((input) => ({ userId, localDate: input.date, mood: input.mood, energy: input.energy, notesEnc: sealNotes(input.notes) })))
      .onConflictDoUpdate({
        target: [journalEntries.userId, journalEntries.localDate],
        set: { mood: sql`excluded.mood`, energy: sql`excluded.energy`, notesEnc: sql`excluded.notes_enc` },
      })
      .returning(entryColumns);
    const entryOf = new Map(rows.map((row) => [row.localDate, row.id]));
    const tags = await ensureTags(tx, userId, byDate.flatMap((input) => input.tags));
    const pairs = byDate.flatMap((input) => {
      const ids = new Set(input.tags.map((name) => tags.get(normalizeTagName(name))?.id).filter((id): id is string => Boolean(id)));
      return [...ids].map((tagId) => ({ entryId: entryOf.get(input.date)!, tagId, present: true }));
    });
    await tx
      .delete(journalEntryTags)
      .where(
        and(
          inArray(journalEntryTags.entryId, [...entryOf.values()]),
          eq(journalEntryTags.present, true),
          sql`(${journalEntryTags.entryId}, ${journalEntryTags.tagId}) not in (select * from unnest(${sql.param(pairs.map((p) => p.entryId))}::uuid[], ${sql.param(pairs.map((p) => p.tagId))}::uuid[]))`,
        ),
      );
    if (pairs.length) {
      await tx
        .insert(journalEntryTags)
        .values(pairs)
        .onConflictDoUpdate({ target: [journalEntryTags.entryId, journalEntryTags.tagId], set: { present: true } });
    }
    const audited = byDate.filter((input) => input.notes);
    await recordAudits(
      tx,
      audited.map((input) => ({
        action: "journal.notes-written",
        actorUserId: userId,
        subjectUserId: userId,
        target: { type: "journal_entry", id: entryOf.get(input.date)! },
        ip: writer.ip ?? null,
        details: { date: input.date },
      })),
    );
    return rows;
  });
  await requestInsightsRecompute(db, userId, "journal");
  return saved;
}

/** Saves one date's entry (see saveEntries) and gives it back as the editor shows it. */
export async function saveEntry(db: Database, writer: Reader, input: SaveEntryInput): Promise<EntryView> {
  const [saved] = await saveEntries(db, writer, [input]);
  const answers = await answersOf(db, [saved!.id]);
  // The caller just sent these notes: handing them back is no read of stored notes.
  return { ...toView({ ...saved!, notesEnc: null }, answers.get(saved!.id)), notes: input.notes || null };
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

/** Deletes the user's entries of these dates (dates without one are skipped); the dates deleted. */
export async function deleteEntriesOfDates(db: Database, userId: string, dates: readonly string[]): Promise<string[]> {
  if (dates.length === 0) return [];
  const rows = await db
    .delete(journalEntries)
    .where(and(eq(journalEntries.userId, userId), inArray(journalEntries.localDate, [...dates])))
    .returning({ date: journalEntries.localDate });
  if (rows.length) await requestInsightsRecompute(db, userId, "journal");
  return rows.map((r) => r.date);
}
