import type { MonthView, TagList, TagView } from "@/server/health/journal/schemas";
import { normalizeTagName, SUGGESTED_TAGS } from "@/server/health/journal/tag-names";
import type { SyncRow } from "@/server/sync/protocol";

/*
 * The journal as pages show it, composed from this device's copy of journal_entries, journal_tags and
 * journal_entry_tags (SQL column names). A pending save carries `tags` (the names answered "yes"),
 * which take precedence over the entry's journal_entry_tags rows.
 */

export interface LocalEntry {
  /** The entry's id; `local:<date>` for one written on this device that the server has not stored yet. */
  id: string;
  date: string;
  mood: number | null;
  energy: number | null;
  tags: TagView[];
  answeredNo: TagView[];
  notes: string | null;
  /** A change waits to be sent. */
  pending: boolean;
  /** When the stored row last changed (null before the server has it). */
  updatedAt: string | null;
}

export interface JournalCopy {
  entries: SyncRow[];
  tags: SyncRow[];
  links: SyncRow[];
}

const numberOrNull = (value: unknown) => (value === null || value === undefined ? null : Number(value));
const byName = (a: TagView, b: TagView) => normalizeTagName(a.name).localeCompare(normalizeTagName(b.name));

/** Every entry, newest date first. */
export function composeEntries({ entries, tags, links }: JournalCopy): LocalEntry[] {
  const tagById = new Map(tags.map((t) => [String(t.id), { id: String(t.id), name: String(t.name) }]));
  const tagByName = new Map(tags.map((t) => [normalizeTagName(String(t.name)), { id: String(t.id), name: String(t.name) }]));
  const linksOf = new Map<string, SyncRow[]>();
  for (const link of links) linksOf.set(String(link.entry_id), [...(linksOf.get(String(link.entry_id)) ?? []), link]);
  return entries
    .map((row): LocalEntry => {
      const date = String(row.local_date);
      const own = row.id === undefined ? [] : (linksOf.get(String(row.id)) ?? []);
      const answered = (present: boolean) => own.filter((l) => l.present === present).flatMap((l) => tagById.get(String(l.tag_id)) ?? []);
      const yes = Array.isArray(row.tags)
        ? row.tags.map(
            (name) =>
              tagByName.get(normalizeTagName(String(name))) ?? {
                id: `local:${normalizeTagName(String(name))}`,
                name: String(name),
              },
          )
        : answered(true);
      const yesIds = new Set(yes.map((t) => t.id));
      return {
        id: row.id === undefined ? `local:${date}` : String(row.id),
        date,
        mood: numberOrNull(row.mood),
        energy: numberOrNull(row.energy),
        tags: yes.sort(byName),
        answeredNo: answered(false)
          .filter((t) => !yesIds.has(t.id))
          .sort(byName),
        notes: typeof row.notes === "string" ? row.notes : null,
        pending: row._pending === true,
        updatedAt: typeof row.updated_at === "string" ? row.updated_at : null,
      };
    })
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}

/** The entries between two dates (inclusive), newest first. */
export const entriesBetween = (entries: readonly LocalEntry[], from: string, to: string) => entries.filter((e) => e.date >= from && e.date <= to);

/** A month's days with an entry, for the calendar. */
export function monthOf(entries: readonly LocalEntry[], year: number, month: number): MonthView {
  const prefix = `${year}-${String(month).padStart(2, "0")}-`;
  const days = entries
    .filter((e) => e.date.startsWith(prefix))
    .map((e) => ({
      date: e.date,
      mood: e.mood,
      energy: e.energy,
      tagCount: e.tags.length,
      hasNotes: Boolean(e.notes),
    }))
    .reverse();
  return { year, month, days };
}

/** The user's tags by name with the entries answering "yes" to each, and the suggestions not yet in the set. */
export function tagListOf(tags: readonly SyncRow[], entries: readonly LocalEntry[]): TagList {
  const uses = new Map<string, number>();
  for (const entry of entries) for (const tag of entry.tags) uses.set(tag.id, (uses.get(tag.id) ?? 0) + 1);
  const list = tags
    .map((t) => ({
      id: String(t.id),
      name: String(t.name),
      entries: uses.get(String(t.id)) ?? 0,
    }))
    .sort(byName);
  const taken = new Set(list.map((t) => normalizeTagName(t.name)));
  return {
    tags: list,
    suggestions: SUGGESTED_TAGS.filter((name) => !taken.has(name)),
  };
}
