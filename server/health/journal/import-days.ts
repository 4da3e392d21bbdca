import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { journalEntries, journalEntryTags } from "@/db/schema/journal";
import { fromIncoming, slicesOf } from "@/db/upsert";
import { openNotes, sealNotes } from "./notes";
import { MAX_NOTES } from "./limits";
import { ensureTags } from "./tags";
import type { JournalDay } from "./whoop-journal-csv";

/** Rows per multi-row insert (well under the 65,535 parameters of a statement). */
const CHUNK = 1000;

/** The entry's notes with the imported ones: null when they are there already, else added after a blank line (cut to fit). */
function mergedNotes(existing: string | null, imported: string): string | null {
  if (!imported || existing?.includes(imported)) return null;
  return (existing ? `${existing}\n\n${imported}` : imported).slice(0, MAX_NOTES);
}

/**
 * Stores imported days into the user's entries: a new date becomes an entry, an existing one gets the
 * answers (yes and no) and notes it does not hold yet. Storing the same days again changes nothing:
 * a day counts as changed only when something was written for it.
 */
export async function storeJournalDays(db: Database, userId: string, days: readonly JournalDay[]): Promise<{ changed: number; unchanged: number }> {
  if (days.length === 0) return { changed: 0, unchanged: 0 };
  return db.transaction(async (tx) => {
    const tags = await ensureTags(tx, userId, days.flatMap((d) => [...d.answers.values()].map((a) => a.name)));
    const existing = await tx
      .select({ id: journalEntries.id, date: journalEntries.localDate, notesEnc: journalEntries.notesEnc })
      .from(journalEntries)
      .where(and(eq(journalEntries.userId, userId), sql`${journalEntries.localDate} = any(${sql.param(days.map((d) => d.date))}::date[])`));
    const byDate = new Map(existing.map((e) => [e.date, e]));
    const changed = new Set<string>();

    const fresh = days.filter((d) => !byDate.has(d.date));
    for (const slice of slicesOf(fresh, CHUNK)) {
      const created = await tx
        .insert(journalEntries)
        .values(slice.map((d) => ({ userId, localDate: d.date, notesEnc: sealNotes(mergedNotes(null, d.notes.join("\n"))) })))
        .returning({ id: journalEntries.id, date: journalEntries.localDate, notesEnc: journalEntries.notesEnc });
      for (const e of created) byDate.set(e.date, e);
      for (const d of slice) changed.add(d.date);
    }
    for (const day of days) {
      if (changed.has(day.date)) continue;
      const entry = byDate.get(day.date)!;
      const notes = mergedNotes(openNotes(entry.notesEnc), day.notes.join("\n"));
      if (notes === null) continue;
      await tx.update(journalEntries).set({ notesEnc: sealNotes(notes), updatedAt: sql`now()` }).where(eq(journalEntries.id, entry.id));
      changed.add(day.date);
    }

    const entryIds = [...byDate.values()].map((e) => e.id);
    const links = await tx.select().from(journalEntryTags).where(sql`${journalEntryTags.entryId} = any(${sql.param(entryIds)}::uuid[])`);
    const held = new Map(links.map((l) => [`${l.entryId}|${l.tagId}`, l.present]));
    const writes: { entryId: string; tagId: string; present: boolean; date: string }[] = [];
    for (const day of days) {
      const entryId = byDate.get(day.date)!.id;
      for (const [normalized, answer] of day.answers) {
        const tagId = tags.get(normalized)!.id;
        if (held.get(`${entryId}|${tagId}`) !== answer.yes) writes.push({ entryId, tagId, present: answer.yes, date: day.date });
      }
    }
    for (const slice of slicesOf(writes, CHUNK)) {
      await tx
        .insert(journalEntryTags)
        .values(slice.map(({ entryId, tagId, present }) => ({ entryId, tagId, present })))
        .onConflictDoUpdate({ target: [journalEntryTags.entryId, journalEntryTags.tagId], set: fromIncoming(journalEntryTags, ["present"]) });
      for (const w of slice) changed.add(w.date);
    }
    return { changed: changed.size, unchanged: days.length - changed.size };
  });
}
